using D = System.DoubleDouble;

namespace System
{
    // Arc tangent by three argument halvings (atan x = 2·atan(x / (1 + √(1 + x²)))) and a short
    // series, in double-double; asin and acos as arc tangents of exact (1 − x)(1 + x) square roots.
    public static partial class Math
    {
        /// <summary>atan x for x ≥ 0.</summary>
        private static D AtanCore(D x)
        {
            if (x.Hi < Tiny) return x;
            if (x.Hi > 1.152921504606847E+18) return D.PiOver2 - 1 / x.Hi; // 2^60
            bool inverted = x.Hi > 1;
            if (inverted) x = 1.0 / x;
            for (int i = 0; i < 3; i++) x /= D.Sqrt(x * x + 1.0) + 1.0;
            D x2 = x * x, term = x, sum = x;
            for (int n = 1; n <= 18; n++)
            {
                term = -(term * x2);
                sum += term / (2 * n + 1);
            }
            sum = sum.Scale(8);
            return inverted ? D.PiOver2 - sum : sum;
        }

        /// <summary>The angle of (x, y) for x, y ≥ 0, not both 0, in [0, π/2].</summary>
        private static D AngleCore(D x, D y) => y.Hi <= x.Hi ? AtanCore(y / x) : D.PiOver2 - AtanCore(x / y);

        public static double Atan(double x)
        {
            if (double.IsNaN(x)) return x;
            double r = AtanCore(Abs(x)).Value;
            return double.IsNegative(x) ? -r : r;
        }

        public static double Atan2(double y, double x)
        {
            if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
            double ax = Abs(x), ay = Abs(y);
            bool yNeg = double.IsNegative(y), xNeg = double.IsNegative(x);
            D a;
            if (ay == 0) a = xNeg ? D.Pi : 0.0;
            else if (ax == 0) a = D.PiOver2;
            else if (double.IsInfinity(ay))
                a = double.IsInfinity(ax) ? (xNeg ? D.Pi * 0.75 : D.PiOver2 * 0.5) : D.PiOver2;
            else if (double.IsInfinity(ax)) a = xNeg ? D.Pi : 0.0;
            else
            {
                // Keep both far from the ends of the range so the double-double division cannot overflow.
                if (ax > 1E+290 || ay > 1E+290) { ax *= Pow2(-600); ay *= Pow2(-600); }
                else if (ax < 1E-290 && ay < 1E-290) { ax *= Pow2(600); ay *= Pow2(600); }
                a = AngleCore(ax, ay);
                if (xNeg) a = D.Pi - a;
            }
            double v = a.Value;
            return yNeg ? -v : v;
        }

        public static double Asin(double x)
        {
            if (!(Abs(x) <= 1)) return double.NaN;
            double a = Abs(x);
            if (a < Tiny) return x;
            D c = D.Sqrt(D.TwoSum(1, -a) * D.TwoSum(1, a));
            double r = AngleCore(c, a).Value;
            return x < 0 ? -r : r;
        }

        public static double Acos(double x)
        {
            if (!(Abs(x) <= 1)) return double.NaN;
            double a = Abs(x);
            D c = D.Sqrt(D.TwoSum(1, -a) * D.TwoSum(1, a));
            D r = a == 0 ? D.PiOver2 : AngleCore(a, c);
            return (x < 0 ? D.Pi - r : r).Value;
        }
    }
}
