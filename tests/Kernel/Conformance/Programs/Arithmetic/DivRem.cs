namespace Conformance.Arithmetic
{
    /// <summary>Integer division truncates toward zero; the remainder takes the dividend's sign.</summary>
    public static class DivRem
    {
        private static int s_a = 7, s_b = -2, s_c = -7;
        private static long s_la = -9_000_000_000L;
        private static uint s_ua = 0xFFFFFFFF;

        public static int Main()
        {
            if (s_a / s_b != -3) return 1;
            if (s_a % s_b != 1) return 2;
            if (s_c / 2 != -3) return 3;
            if (s_c % 2 != -1) return 4;
            if (s_c / s_b != 3) return 5;
            if (s_la / 7 != -1285714285L) return 6;
            if (s_la % 7 != -5) return 7;
            if (s_ua / 16 != 0x0FFFFFFF) return 8;
            if ((int)s_ua / 16 != 0) return 9;
            return 100;
        }
    }
}
