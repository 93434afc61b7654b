namespace Conformance.Arithmetic
{
    /// <summary>IEEE arithmetic: infinities, signed zero, float vs double precision, no exception on /0.</summary>
    public static class FloatArithmetic
    {
        private static double s_zero = 0.0, s_tenth = 0.1, s_two = 0.2;
        private static float s_third = 1f / 3f;

        public static int Main()
        {
            double inf = 1.0 / s_zero;
            if (inf != double.PositiveInfinity) return 1;
            if (-1.0 / s_zero != double.NegativeInfinity) return 2;
            double negZero = -s_zero;
            if (negZero != 0.0) return 3;                 // -0 == +0
            if (1.0 / negZero != double.NegativeInfinity) return 4;
            if (s_tenth + s_two == 0.3) return 5;          // 0.30000000000000004
            if (s_tenth + s_two != 0.30000000000000004) return 6;
            if ((double)s_third == 1.0 / 3.0) return 7;    // float keeps only 24 bits
            if (s_third * 3f != 1f) return 8;
            if (inf - 1e308 != inf) return 9;
            if (-(-s_tenth) != 0.1) return 10;
            return 100;
        }
    }
}
