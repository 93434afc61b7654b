namespace System
{
    // Functions defined on the bits of a double: neighbours, signs, exponents, exact remainders.
    public static partial class Math
    {
        public static double CopySign(double x, double y) =>
            BitConverter.UInt64BitsToDouble((BitConverter.DoubleToUInt64Bits(x) & 0x7FFF_FFFF_FFFF_FFFFUL) | (BitConverter.DoubleToUInt64Bits(y) & 0x8000_0000_0000_0000UL));

        public static double BitIncrement(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if ((bits & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L) return bits == unchecked((long)0xFFF0_0000_0000_0000UL) ? double.MinValue : x;
            if (bits == long.MinValue) return double.Epsilon; // −0
            return BitConverter.Int64BitsToDouble(bits + (bits < 0 ? -1 : 1));
        }

        public static double BitDecrement(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            if ((bits & 0x7FF0_0000_0000_0000L) == 0x7FF0_0000_0000_0000L) return bits == 0x7FF0_0000_0000_0000L ? double.MaxValue : x;
            if (bits == 0) return -double.Epsilon;
            return BitConverter.Int64BitsToDouble(bits + (bits < 0 ? 1 : -1));
        }

        /// <summary>x·2^n, rounded once (scaling in steps that stay exact until the last).</summary>
        public static double ScaleB(double x, int n)
        {
            if (n > 1023)
            {
                x *= Pow2(1023); n -= 1023;
                if (n > 1023) { x *= Pow2(1023); n -= 1023; if (n > 1023) n = 1023; }
            }
            else if (n < -1022)
            {
                // Steps of 2^-969 = 2^-1022·2^53 keep the intermediate normal, so only the last rounds.
                x *= Pow2(-1022) * Pow2(53); n += 1022 - 53;
                if (n < -1022) { x *= Pow2(-1022) * Pow2(53); n += 1022 - 53; if (n < -1022) n = -1022; }
            }
            return x * Pow2(n);
        }

        public static int ILogB(double x)
        {
            if (double.IsNaN(x) || double.IsInfinity(x)) return int.MaxValue;
            if (x == 0) return int.MinValue;
            ulong bits = BitConverter.DoubleToUInt64Bits(x) & 0x7FFF_FFFF_FFFF_FFFFUL;
            int e = (int)(bits >> 52);
            if (e == 0) return -1011 - Numerics.BitOperations.LeadingZeroCount(bits); // subnormal: 63 − lz − 1074
            return e - 1023;
        }

        /// <summary>C's fmod: x − n·y with n = trunc(x/y), exactly (long division on the significands).</summary>
        [System.Runtime.RuntimeExport("fmod")]
        internal static double FMod(double x, double y)
        {
            if (double.IsNaN(x) || double.IsNaN(y) || double.IsInfinity(x) || y == 0) return double.NaN;
            if (double.IsInfinity(y) || x == 0) return x;
            double ax = Abs(x), ay = Abs(y);
            if (ax < ay) return x;
            ulong mx = Significand(ax, out int ex), my = Significand(ay, out int ey);
            ulong r = mx % my;
            for (int d = ex - ey; d > 0 && r != 0;)
            {
                int s = d < 11 ? d : 11; // r < 2^53, so r << 11 fits
                r = (r << s) % my;
                d -= s;
            }
            double v = r == 0 ? 0 : ScaleB(r, ey); // exact: a multiple of 2^ey below |y|
            return CopySign(v, x);
        }

        [System.Runtime.RuntimeExport("fmodf")]
        internal static float FModF(float x, float y) => (float)FMod(x, y); // exact in double, so exact

        /// <summary>|x| = m·2^e with m an integer below 2^53 (x finite, nonzero).</summary>
        private static ulong Significand(double x, out int e)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(x);
            int be = (int)(bits >> 52) & 0x7FF;
            ulong m = bits & 0x000F_FFFF_FFFF_FFFFUL;
            if (be == 0) { e = -1074; return m; }
            e = be - 1075;
            return m | (1UL << 52);
        }

        public static double IEEERemainder(double x, double y)
        {
            if (double.IsNaN(x)) return x;
            if (double.IsNaN(y)) return y;
            double regular = FMod(x, y);
            if (double.IsNaN(regular)) return double.NaN;
            if (regular == 0 && double.IsNegative(x)) return -0.0;
            double alternative = regular - Abs(y) * Sign(x);
            if (Abs(alternative) == Abs(regular))
            {
                double q = x / y;
                return Abs(Round(q)) > Abs(q) ? alternative : regular;
            }
            return Abs(alternative) < Abs(regular) ? alternative : regular;
        }

        /// <summary>
        /// x·y + z with one rounding: the product is split exactly (Dekker) and the three-term sum
        /// rounded through round-to-odd. Products outside [2^-969, 2^995] fall back to two roundings.
        /// </summary>
        public static double FusedMultiplyAdd(double x, double y, double z)
        {
            double p = x * y;
            double ap = Abs(p);
            if (!(ap > 2.0041683600089728E-292 && ap < 1E+299) || double.IsInfinity(z) || z == 0 || Abs(x) > 1E+299 || Abs(y) > 1E+299)
                return p + z;
            DoubleDouble prod = DoubleDouble.TwoProd(x, y);
            DoubleDouble s = DoubleDouble.TwoSum(prod.Hi, z);
            DoubleDouble t = DoubleDouble.TwoSum(s.Lo, prod.Lo);
            double u = t.Hi;
            if (t.Lo != 0 && (BitConverter.DoubleToUInt64Bits(u) & 1) == 0)
                u = (t.Lo > 0) == (u > 0) ? BitIncrementMagnitude(u) : BitDecrementMagnitude(u);
            return s.Hi + u;
        }

        private static double BitIncrementMagnitude(double u) => u >= 0 ? BitIncrement(u) : BitDecrement(u);
        private static double BitDecrementMagnitude(double u) => u >= 0 ? BitDecrement(u) : BitIncrement(u);

        public static int Sign(double value)
        {
            if (double.IsNaN(value)) throw new ArithmeticException("Function does not accept floating point Not-a-Number values.");
            return value < 0 ? -1 : value > 0 ? 1 : 0;
        }

        public static double MaxMagnitude(double x, double y)
        {
            double ax = Abs(x), ay = Abs(y);
            if (ax > ay || double.IsNaN(x)) return x;
            if (ax == ay) return double.IsNegative(x) ? y : x;
            return y;
        }

        public static double MinMagnitude(double x, double y)
        {
            double ax = Abs(x), ay = Abs(y);
            if (ax < ay || double.IsNaN(x)) return x;
            if (ax == ay) return double.IsNegative(x) ? x : y;
            return y;
        }
    }
}
