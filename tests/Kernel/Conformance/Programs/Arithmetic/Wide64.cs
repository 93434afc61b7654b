namespace Conformance.Arithmetic
{
    /// <summary>64-bit multiply/divide/remainder across the full range, including MinValue corners that do not trap.</summary>
    public static class Wide64
    {
        private static long s_min = long.MinValue, s_a = 0x7FFF_FFFF_FFFFL;
        private static ulong s_u = 0xFFFF_FFFF_FFFF_FFFFUL;

        public static int Main()
        {
            if (s_min / 1 != long.MinValue) return 1;
            if (s_min % 2 != 0) return 2;
            if (s_min / 2 != -4611686018427387904L) return 3;
            if (unchecked(s_a * s_a) != unchecked((long)0xFFFF_0000_0000_0001UL)) return 4;
            if (s_u / 0xFFFF_FFFFUL != 0x1_0000_0001UL) return 5;
            if (s_u % 1000 != 615) return 6;
            if (unchecked(s_u * s_u) != 1) return 7;
            if ((s_a << 16) >> 16 != s_a) return 8;
            return 100;
        }
    }
}
