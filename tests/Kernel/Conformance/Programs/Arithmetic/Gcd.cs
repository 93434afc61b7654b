using System;
using System.Collections.Generic;

namespace Conformance.Arithmetic
{
    /// <summary>Euclid over int and long, modular exponentiation with 64-bit products.</summary>
    public static class Gcd
    {
        private static long Euclid(long a, long b) { while (b != 0) { long t = a % b; a = b; b = t; } return a < 0 ? -a : a; }
        private static ulong PowMod(ulong b, ulong e, ulong m) { ulong r = 1; b %= m; while (e > 0) { if ((e & 1) == 1) r = r * b % m; b = b * b % m; e >>= 1; } return r; }

        public static int Main()
        {
            if (Euclid(1071, 462) != 21 || Euclid(-12, 18) != 6 || Euclid(17, 0) != 17) return 1;
            if (Euclid(1L << 40, 1L << 20) != 1L << 20) return 2;
            if (PowMod(2, 10, 1000) != 24 || PowMod(3, 200, 1000003) != PowMod(9, 100, 1000003)) return 3;
            return 100;
        }
    }
}
