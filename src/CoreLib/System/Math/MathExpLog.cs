using D = System.DoubleDouble;

namespace System
{
    // exp, log and pow in double-double: results carry ~100 correct bits before the one rounding
    // to double, so they are correctly rounded but for rare near-ties (within 1 ulp of glibc).
    public static partial class Math
    {
        /// <summary>2^k for k in [-1022, 1023].</summary>
        internal static double Pow2(int k) => BitConverter.UInt64BitsToDouble((ulong)(k + 1023) << 52);

        /// <summary>e^r − 1 for |r| ≤ 0.36, relative error ~2^-100: series on r/256, then 8 doublings.</summary>
        internal static D ExpM1Small(D r)
        {
            D s = r.Scale(1.0 / 256), term = s, sum = s;
            for (int n = 2; n <= 12; n++)
            {
                term = term * s / n;
                sum += term;
            }
            for (int i = 0; i < 8; i++) sum = sum * (sum + 2.0); // e^2s − 1 = (e^s − 1)(e^s + 1)
            return sum;
        }

        /// <summary>e^x = result × 2^k, result in [1/√2, √2]; |x.Hi| below ~1500.</summary>
        internal static D ExpCore(D x, out int k)
        {
            double kd = Round(x.Hi * MathConstants.InvLn2_0);
            k = (int)kd;
            D r = x - D.TwoProd(kd, MathConstants.Ln2_0) - D.TwoProd(kd, MathConstants.Ln2_1) - kd * MathConstants.Ln2_2;
            return ExpM1Small(r) + 1.0;
        }

        /// <summary>m × 2^k rounded once to a double, subnormal and overflowing results included.</summary>
        internal static double ToDouble(D m, int k)
        {
            if (k >= -1021)
            {
                double v = m.Hi + m.Lo;
                return k > 1023 ? v * Pow2(1023) * Pow2(k - 1023) : v * Pow2(k);
            }
            if (k < -1100) return 0.0 * m.Hi;
            // In units of the smallest subnormal, round the double-double to an integer.
            D u = m.Scale(Pow2(k + 1074 - 60)).Scale(Pow2(60));
            double n = Round(u.Hi), f = (u.Hi - n) + u.Lo;
            if (f > 0.5 || (f == 0.5 && IsOddInteger(n))) n += 1;
            else if (f < -0.5 || (f == -0.5 && IsOddInteger(n))) n -= 1;
            return n * Pow2(-52) * Pow2(-1022);
        }

        private static bool IsOddInteger(double n) => Abs(n) < 9007199254740992.0 && ((long)n & 1) != 0;

        public static double Exp(double x)
        {
            if (double.IsNaN(x)) return x;
            if (x > 709.8) return double.PositiveInfinity;
            if (x < -746) return 0;
            if (Abs(x) < 1.1102230246251565E-16) return 1 + x;
            D m = ExpCore(x, out int k);
            return ToDouble(m, k);
        }

        /// <summary>ln x for finite x &gt; 0 as a double-double: x = 2^k·m, ln m = 2·atanh((m−1)/(m+1)).</summary>
        internal static D LogCore(double x)
        {
            int k = 0;
            if (x < 2.2250738585072014E-308) { x *= 18014398509481984.0; k = -54; } // 2^54
            ulong bits = BitConverter.DoubleToUInt64Bits(x);
            k += (int)(bits >> 52) - 1023;
            double m = BitConverter.UInt64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x3FF0_0000_0000_0000UL);
            if (m > 1.4142135623730951) { m *= 0.5; k++; }
            D s = (D)(m - 1) / D.TwoSum(m, 1.0), s2 = s * s, term = s, sum = s;
            for (int n = 1; n <= 22; n++)
            {
                term *= s2;
                sum += term / (2 * n + 1);
            }
            sum = sum.Scale(2);
            if (k == 0) return sum;
            return D.TwoProd(k, MathConstants.Ln2_0) + (D.TwoProd(k, MathConstants.Ln2_1) + k * MathConstants.Ln2_2) + sum;
        }

        /// <summary>NaN for negative and NaN x, −∞ for ±0, +∞ for +∞; otherwise the finite case.</summary>
        private static bool LogSpecial(double x, out double result)
        {
            if (double.IsNaN(x) || x < 0) { result = double.NaN; return true; }
            if (x == 0) { result = double.NegativeInfinity; return true; }
            if (x == double.PositiveInfinity) { result = x; return true; }
            result = 0;
            return false;
        }

        public static double Log(double x) => LogSpecial(x, out double r) ? r : LogCore(x).Value;

        public static double Log10(double x) =>
            LogSpecial(x, out double r) ? r : (LogCore(x) * new D(MathConstants.InvLn10_0, MathConstants.InvLn10_1)).Value;

        public static double Log2(double x) =>
            LogSpecial(x, out double r) ? r : (LogCore(x) * new D(MathConstants.InvLn2_0, MathConstants.InvLn2_1)).Value;

        public static double Log(double a, double newBase)
        {
            if (double.IsNaN(a)) return a;
            if (double.IsNaN(newBase)) return newBase;
            if (newBase == 1) return double.NaN;
            if (a != 1 && (newBase == 0 || newBase == double.PositiveInfinity)) return double.NaN;
            return Log(a) / Log(newBase);
        }

        public static double Pow(double x, double y)
        {
            if (y == 0 || x == 1) return 1;
            if (double.IsNaN(x) || double.IsNaN(y)) return double.NaN;
            bool yInteger = y == Truncate(y), yOdd = yInteger && IsOddInteger(y);
            double ax = Abs(x);
            if (double.IsInfinity(y))
            {
                if (ax == 1) return 1;
                return (ax < 1) == (y < 0) ? double.PositiveInfinity : 0;
            }
            if (x == 0 || double.IsInfinity(x))
            {
                bool big = (x == 0) == (y < 0); // 0^negative and ∞^positive are infinite
                double r = big ? double.PositiveInfinity : 0;
                return double.IsNegative(x) && yOdd ? -r : r;
            }
            if (x < 0 && !yInteger) return double.NaN;
            double sign = x < 0 && yOdd ? -1 : 1;
            D l = LogCore(ax);
            double estimate = l.Hi * y;
            if (estimate > 710) return sign * double.PositiveInfinity;
            if (estimate < -746) return sign * 0.0;
            D m = ExpCore(l * y, out int k);
            return sign * ToDouble(m, k);
        }

        public static double Cbrt(double x)
        {
            if (x == 0 || double.IsNaN(x) || double.IsInfinity(x)) return x;
            D m = ExpCore(LogCore(Abs(x)) / 3.0, out int k);
            double r = ToDouble(m, k);
            return x < 0 ? -r : r;
        }
    }
}
