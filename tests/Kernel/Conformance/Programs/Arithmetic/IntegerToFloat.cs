namespace Conformance.Arithmetic
{
    /// <summary>conv.r4/conv.r8/conv.r.un: signed and unsigned integers to floating point, rounding to nearest.</summary>
    public static class IntegerToFloat
    {
        private static int s_i = -7;
        private static long s_l = 1L << 53;
        private static ulong s_u = ulong.MaxValue;
        private static uint s_ui = 0x80000000;

        public static int Main()
        {
            if ((double)s_i != -7.0) return 1;
            if ((double)(s_l + 1) != 9007199254740992.0) return 2;     // rounds to even
            if ((double)s_u != 18446744073709551615.0) return 3;
            if ((float)s_ui != 2147483648f) return 4;
            if ((double)s_ui != 2147483648.0) return 5;
            if ((float)s_i / 2 != -3.5f) return 6;
            if ((double)(s_u >> 1) != 9223372036854775807.0) return 7;
            if ((float)16777217 != 16777216f) return 8;
            return 100;
        }
    }
}
