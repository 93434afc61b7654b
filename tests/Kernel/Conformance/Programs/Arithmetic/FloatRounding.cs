using System;
using System.Collections.Generic;

namespace Conformance.Arithmetic
{
    /// <summary>Casting, Math.Floor/Ceiling and manual rounding of positive and negative halves.</summary>
    public static class FloatRounding
    {
        private static double s_a = 2.5, s_b = -2.5, s_c = 0.49999999999999994;

        public static int Main()
        {
            if (Math.Floor(s_b) != -3 || Math.Ceiling(s_b) != -2) return 1;
            if ((int)s_a != 2 || (int)s_b != -2) return 2;
            if (Math.Floor(s_a + 0.5) != 3) return 3;
            if ((long)(s_c + 0.5) != 0 && (long)(s_c + 0.5) != 1) return 4;
            if (Math.Abs(s_b) != 2.5 || Math.Max(s_a, s_b) != 2.5 || Math.Min(s_a, s_b) != -2.5) return 5;
            if (Math.Sqrt(2.25) != 1.5) return 6;
            return 100;
        }
    }
}
