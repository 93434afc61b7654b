namespace Conformance.Arithmetic
{
    /// <summary>ceq/cgt/clt and their unsigned forms, compared as the operand types say.</summary>
    public static class Comparisons
    {
        private static int s_neg = -1, s_pos = 1;
        private static uint s_big = 0xFFFFFFFF;
        private static long s_lneg = -1;
        private static ulong s_lbig = ulong.MaxValue;

        public static int Main()
        {
            if (!(s_neg < s_pos)) return 1;
            if (!((uint)s_neg > (uint)s_pos)) return 2;
            if (!(s_big > 1u)) return 3;
            if (!(s_lneg < 0)) return 4;
            if (!(s_lbig > 0)) return 5;
            if (s_neg >= s_pos || s_pos <= s_neg) return 6;
            if (s_neg == s_pos || !(s_neg != s_pos)) return 7;
            if (!((ulong)s_lneg == s_lbig)) return 8;
            char a = 'a', z = 'z';
            if (!(a < z)) return 9;
            return 100;
        }
    }
}
