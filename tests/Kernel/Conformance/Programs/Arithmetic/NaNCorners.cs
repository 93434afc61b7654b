namespace Conformance.Arithmetic
{
    /// <summary>Every ordered comparison with NaN is false, != is true; NaN propagates through arithmetic.</summary>
    public static class NaNCorners
    {
        private static double s_zero = 0.0, s_one = 1.0;
        private static float s_fzero = 0f;

        public static int Main()
        {
            double nan = s_zero / s_zero;
            if (nan == nan) return 1;
            if (!(nan != nan)) return 2;
            if (nan < s_one || nan > s_one || nan <= s_one || nan >= s_one) return 3;
            if (!double.IsNaN(nan + s_one)) return 4;
            if (!double.IsNaN(nan * s_zero)) return 5;
            float fnan = s_fzero / s_fzero;
            if (fnan == fnan || !float.IsNaN(fnan)) return 6;
            if (!(s_one / s_zero > double.MaxValue)) return 7;
            if (!double.IsNaN(s_one / s_zero - s_one / s_zero)) return 8;
            if (nan.Equals(nan) == false) return 9;        // Equals treats NaN as equal to itself
            bool notLess = !(nan < s_one);
            if (!notLess) return 10;
            return 100;
        }
    }
}
