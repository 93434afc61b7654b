namespace Conformance.Arithmetic
{
    /// <summary>add.ovf/sub.ovf/mul.ovf and conv.ovf compute normally when nothing overflows.</summary>
    public static class CheckedNoOverflow
    {
        private static int s_a = 1_000_000, s_b = 2000;
        private static long s_l = 3_000_000_000L;
        private static uint s_u = 4_000_000_000u;
        private static double s_d = 2147483647.0;

        public static int Main()
        {
            if (checked(s_a * s_b) != 2_000_000_000) return 1;
            if (checked(s_a + s_b) != 1_002_000) return 2;
            if (checked(-s_a - s_b) != -1_002_000) return 3;
            if (checked(s_l * 3) != 9_000_000_000L) return 4;
            if (checked((uint)s_l) != 3_000_000_000u) return 5;
            if (checked((long)s_u) != 4_000_000_000L) return 6;
            if (checked((int)s_d) != int.MaxValue) return 7;
            if (checked((byte)(s_b / 8)) != 250) return 8;
            if (checked(s_u + 294_967_295u) != uint.MaxValue) return 9;
            if (checked((ulong)s_l - 1) != 2_999_999_999UL) return 10;
            return 100;
        }
    }
}
