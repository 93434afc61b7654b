using System;
using System.Collections.Generic;

namespace Conformance.Arithmetic
{
    /// <summary>Bit counting, rotation and leading zeros written with shifts and masks over uint and ulong.</summary>
    public static class Popcount
    {
        private static int Pop(ulong x) { int n = 0; while (x != 0) { x &= x - 1; n++; } return n; }
        private static uint RotL(uint x, int k) => (x << k) | (x >> (32 - k));
        private static int Lz(uint x) { int n = 0; for (uint m = 0x80000000; m != 0 && (x & m) == 0; m >>= 1) n++; return n; }
        private static ulong s_v = 0xF0F0_0000_0000_0001;

        public static int Main()
        {
            if (Pop(s_v) != 9 || Pop(0) != 0 || Pop(ulong.MaxValue) != 64) return 1;
            if (RotL(0x80000001u, 1) != 3u || RotL(1u, 31) != 0x80000000u) return 2;
            if (Lz(1) != 31 || Lz(0x00800000) != 8 || Lz(0) != 32) return 3;
            return 100;
        }
    }
}
