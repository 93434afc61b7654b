namespace System
{
    /// <summary>
    /// Decimal digits to the nearest double or float, correctly rounded (ties to even): a close
    /// estimate in double arithmetic, then exact big-integer comparisons with the midpoints
    /// between neighbouring values move it to the right one.
    /// </summary>
    internal static unsafe class FloatParser
    {
        /// <summary>The IEEE binary format: significand bits (with the hidden one) and exponent range of m·2^e.</summary>
        private struct Format
        {
            public int P, MinExp, MaxExp;
        }

        public static double ToDouble(ref NumberBuffer num)
        {
            ulong bits = ToBinary(ref num, new Format { P = 53, MinExp = -1074, MaxExp = 971 });
            double d = BitConverter.UInt64BitsToDouble(bits);
            return num.Negative ? -d : d;
        }

        public static float ToSingle(ref NumberBuffer num)
        {
            uint bits = (uint)ToBinary(ref num, new Format { P = 24, MinExp = -149, MaxExp = 104 });
            float f = BitConverter.UInt32BitsToSingle(bits);
            return num.Negative ? -f : f;
        }

        private static ulong ToBinary(ref NumberBuffer num, Format f)
        {
            ulong infinity = f.P == 53 ? 0x7FF0_0000_0000_0000UL : 0x7F80_0000UL;
            if (num.Count == 0) return 0;
            if (num.Scale > (f.P == 53 ? 310 : 40)) return infinity;
            if (num.Scale < (f.P == 53 ? -324 : -45)) return 0;

            // The estimate: the leading 19 digits times a power of ten.
            int k = num.Count < 19 ? num.Count : 19;
            ulong lead = 0;
            for (int i = 0; i < k; i++) lead = lead * 10 + (ulong)(num.Digits[i] - '0');
            int exp10 = num.Scale - k;
            double estimate = exp10 < -280 ? lead * Math.Pow(10, exp10 + 40) * 1E-40
                : exp10 > 280 ? lead * Math.Pow(10, exp10 - 40) * 1E+40
                : lead * Math.Pow(10, exp10);
            ulong m; int e;
            Decompose(estimate, f, out m, out e);

            // D = N·10^q with N the digits as an integer.
            uint* nStore = stackalloc uint[BigNum.MaxLimbs];
            var n = new BigNum(nStore);
            for (int i = 0; i < num.Count; i++) n.MulAdd(10, (uint)(num.Digits[i] - '0'));
            int q = num.Scale - num.Count;
            if (q > 0) n.MulPow5(q);
            uint* a = stackalloc uint[BigNum.MaxLimbs];
            uint* b = stackalloc uint[BigNum.MaxLimbs];
            ulong half = 1UL << (f.P - 1), full = 1UL << f.P;
            for (int guard = 0; guard < 4000; guard++)
            {
                int c = Compare(in n, q, 2 * m + 1, e - 1, a, b);
                if (c > 0 || (c == 0 && (m & 1) != 0))
                {
                    if (++m == full) { m = half; e++; }
                    if (e > f.MaxExp) return infinity;
                    continue;
                }
                ulong midM; int midE;
                if (m == half && e > f.MinExp) { midM = 2 * full - 1; midE = e - 2; }
                else { midM = 2 * m - 1; midE = e - 1; }
                c = Compare(in n, q, midM, midE, a, b);
                if (c < 0 || (c == 0 && (m & 1) != 0))
                {
                    if (m == half && e > f.MinExp) { m = full - 1; e--; }
                    else if (--m == 0) return 0;
                    continue;
                }
                break;
            }
            if (m < half) return m; // subnormal
            return ((ulong)(e - f.MinExp + 1) << (f.P - 1)) | (m & (half - 1));
        }

        /// <summary>A positive estimate as m·2^e in the target format (zero becomes the smallest subnormal).</summary>
        private static void Decompose(double estimate, Format f, out ulong m, out int e)
        {
            if (f.P == 24)
            {
                float s = (float)estimate;
                if (float.IsInfinity(s)) s = float.MaxValue;
                uint bits = BitConverter.SingleToUInt32Bits(s);
                int be = (int)(bits >> 23);
                m = bits & 0x7F_FFFF;
                if (be != 0) m |= 1UL << 23; else be = 1;
                e = be - 150;
            }
            else
            {
                if (double.IsInfinity(estimate)) estimate = double.MaxValue;
                ulong bits = BitConverter.DoubleToUInt64Bits(estimate);
                int be = (int)(bits >> 52);
                m = bits & 0x000F_FFFF_FFFF_FFFFUL;
                if (be != 0) m |= 1UL << 52; else be = 1;
                e = be - 1075;
            }
            if (m == 0) { m = 1; e = f.MinExp; }
        }

        /// <summary>Sign of N·10^q − M·2^s (N given as N·5^max(q,0)), in scratch limbs a and b.</summary>
        private static int Compare(in BigNum n, int q, ulong mm, int s, uint* a, uint* b)
        {
            var left = new BigNum(a);
            left.CopyFrom(in n);
            var right = new BigNum(b);
            right.Set(mm);
            if (q < 0) right.MulPow5(-q);
            int net = s - q; // powers of two: left has 2^q, right 2^s
            if (net >= 0) right.ShiftLeft(net); else left.ShiftLeft(-net);
            return BigNum.Compare(in left, in right);
        }
    }
}
