namespace Conformance.Arithmetic
{
    /// <summary>conv from double/float to integers truncates toward zero; out-of-range and NaN saturate (as .NET 9+ on x64).</summary>
    public static class FloatToInteger
    {
        private static double s_pos = 2.9, s_neg = -2.9, s_huge = 1e20, s_nan = double.NaN;
        private static float s_f = 123.75f;

        public static int Main()
        {
            if ((int)s_pos != 2) return 1;
            if ((int)s_neg != -2) return 2;
            if ((long)s_neg != -2L) return 3;
            if ((int)s_f != 123) return 4;
            if ((int)s_huge != int.MaxValue) return 5;
            if ((int)-s_huge != int.MinValue) return 6;
            if ((int)s_nan != 0) return 7;
            if ((long)s_huge != long.MaxValue) return 8;
            if ((uint)s_neg != 0) return 9;
            if ((ulong)s_huge != ulong.MaxValue) return 10;
            if ((byte)s_pos != 2) return 11;
            return 100;
        }
    }
}
