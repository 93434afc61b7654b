using D = System.DoubleDouble;

namespace System
{
    // Hyperbolic functions from the double-double exponential; near 0 from e^x − 1 so that
    // sinh and tanh keep their relative precision.
    public static partial class Math
    {
        /// <summary>e^a − 1 for 0 ≤ a ≤ 40 as a double-double.</summary>
        private static D ExpM1(double a)
        {
            if (a < 0.35) return ExpM1Small(a);
            D m = ExpCore(a, out int k);
            return m.Scale(Pow2(k)) - 1.0;
        }

        public static double Sinh(double x)
        {
            if (double.IsNaN(x) || double.IsInfinity(x)) return x;
            double a = Abs(x), r;
            if (a < Tiny) return x;
            if (a > 711) r = double.PositiveInfinity;
            else if (a > 40) r = ToDouble(ExpCore(a, out int k), k - 1);
            else
            {
                D e = ExpM1(a);
                r = (e + e / (e + 1.0)).Scale(0.5).Value; // (e^a − e^-a)/2 with e = e^a − 1
            }
            return x < 0 ? -r : r;
        }

        public static double Cosh(double x)
        {
            if (double.IsNaN(x)) return x;
            double a = Abs(x);
            if (a < Tiny) return 1;
            if (a > 711) return double.PositiveInfinity;
            if (a > 40) return ToDouble(ExpCore(a, out int k), k - 1);
            D e = ExpM1(a);
            return ((e * e / (e + 1.0)).Scale(0.5) + 1.0).Value; // 1 + e²/(2(e + 1))
        }

        public static double Tanh(double x)
        {
            if (double.IsNaN(x)) return x;
            double a = Abs(x), r;
            if (a < Tiny) return x;
            if (a > 22) r = 1;
            else
            {
                D e = ExpM1(2 * a);
                r = (e / (e + 2.0)).Value;
            }
            return x < 0 ? -r : r;
        }

        public static double Asinh(double x)
        {
            if (double.IsNaN(x) || double.IsInfinity(x)) return x;
            double a = Abs(x);
            if (a < Tiny) return x;
            double r;
            if (a > 1E+150) r = (LogCore(a) + D.Ln2).Value;
            else
            {
                // ln(a + √(a² + 1)) = log1p(a + a²/(1 + √(1 + a²)))
                D a2 = D.TwoProd(a, a);
                r = Log1PCore(a + a2 / (D.Sqrt(a2 + 1.0) + 1.0)).Value;
            }
            return x < 0 ? -r : r;
        }

        public static double Acosh(double x)
        {
            if (!(x >= 1)) return double.NaN;
            if (double.IsInfinity(x)) return x;
            if (x > 1E+150) return (LogCore(x) + D.Ln2).Value;
            D t = D.TwoSum(x, -1); // x − 1 ≥ 0: ln(x + √(x² − 1)) = log1p(t + √(t(t + 2)))
            return Log1PCore(t + D.Sqrt(t * (t + 2.0))).Value;
        }

        public static double Atanh(double x)
        {
            if (!(Abs(x) <= 1)) return double.NaN;
            double a = Abs(x);
            if (a < Tiny) return x;
            if (a == 1) return x < 0 ? double.NegativeInfinity : double.PositiveInfinity;
            // ½·ln((1 + a)/(1 − a)) = ½·log1p(2a/(1 − a))
            D r = Log1PCore(D.TwoSum(a, a) / D.TwoSum(1, -a)).Scale(0.5);
            return x < 0 ? -r.Value : r.Value;
        }

        /// <summary>ln(1 + u) for u ≥ 0 in double-double, exact in relative terms for small u.</summary>
        private static D Log1PCore(D u)
        {
            if (u.Hi > 0.4) return LogCore(1 + u.Hi) + Log1PCorrection(u);
            // 2·atanh(u / (2 + u))
            D s = u / (u + 2.0), s2 = s * s, term = s, sum = s;
            for (int n = 1; n <= 24; n++)
            {
                term *= s2;
                sum += term / (2 * n + 1);
            }
            return sum.Scale(2);
        }

        /// <summary>ln((1 + u)/(1 + u.Hi rounded)): the part of 1 + u that the double 1 + u.Hi lost.</summary>
        private static D Log1PCorrection(D u)
        {
            double h = 1 + u.Hi;
            D exact = u + 1.0;
            D rest = (exact - h) / h;
            return rest - (rest * rest).Scale(0.5);
        }
    }
}
