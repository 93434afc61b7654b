using D = System.DoubleDouble;

namespace System
{
    // Sine, cosine and tangent: every argument beyond π/4 is reduced modulo π/2 exactly enough by
    // Payne–Hanek (x times the bits of 2/π, in integers), then Taylor series in double-double.
    public static partial class Math
    {
        private const double PiOver4 = 0.78539816339744828;
        private const double Tiny = 7.4505805969238281E-09; // 2^-27: below it sin x, tan x round to x

        public static double Sin(double x)
        {
            if (double.IsInfinity(x) || double.IsNaN(x)) return double.NaN;
            double a = Abs(x);
            if (a < Tiny) return x;
            D r = ReduceHalfPi(a, out int q);
            D v = (q & 1) == 0 ? SinSeries(r) : CosSeries(r);
            if ((q & 2) != 0) v = -v;
            return x < 0 ? -v.Value : v.Value;
        }

        public static double Cos(double x)
        {
            if (double.IsInfinity(x) || double.IsNaN(x)) return double.NaN;
            double a = Abs(x);
            if (a < Tiny) return 1;
            D r = ReduceHalfPi(a, out int q);
            D v = (q & 1) == 0 ? CosSeries(r) : SinSeries(r);
            if (((q + 1) & 2) != 0) v = -v;
            return v.Value;
        }

        public static double Tan(double x)
        {
            if (double.IsInfinity(x) || double.IsNaN(x)) return double.NaN;
            double a = Abs(x);
            if (a < Tiny) return x;
            D r = ReduceHalfPi(a, out int q);
            D v = (q & 1) == 0 ? SinSeries(r) / CosSeries(r) : -(CosSeries(r) / SinSeries(r));
            return x < 0 ? -v.Value : v.Value;
        }

        public static (double Sin, double Cos) SinCos(double x) => (Sin(x), Cos(x));

        private static D SinSeries(D r)
        {
            D r2 = r * r, term = r, sum = r;
            for (int n = 1; n <= 15; n++)
            {
                term = -(term * r2) / (double)((2 * n) * (2 * n + 1));
                sum += term;
            }
            return sum;
        }

        private static D CosSeries(D r)
        {
            D r2 = r * r, term = 1.0, sum = 1.0;
            for (int n = 1; n <= 15; n++)
            {
                term = -(term * r2) / (double)((2 * n - 1) * (2 * n));
                sum += term;
            }
            return sum;
        }

        /// <summary>
        /// For finite x ≥ 0: r and q with x = (q + 4j)·π/2 + r, |r| ≤ π/4, r to ~160 bits however
        /// close x lies to a multiple of π/2 (no double is closer than ~2^-61 relatively).
        /// </summary>
        private static unsafe D ReduceHalfPi(double x, out int q)
        {
            if (x <= PiOver4) { q = 0; return x; }
            ulong bits = BitConverter.DoubleToUInt64Bits(x);
            ulong m = (bits & 0x000F_FFFF_FFFF_FFFFUL) | (1UL << 52);
            int e = (int)(bits >> 52) - 1075; // x = m·2^e
            // Words of 2/π before k0 only add multiples of 4 to x·2/π; nine after it leave ≥ 255
            // fraction bits.
            const int N = 9;
            int k0 = e >= 2 ? (e - 2) / 32 : 0;
            uint[] w = MathConstants.TwoOverPi;
            uint* p = stackalloc uint[N + 3];
            for (int i = 0; i < N + 3; i++) p[i] = 0;
            for (int i = 0; i < N; i++)
            {
                ulong word = w[k0 + N - 1 - i], carry = 0;
                for (int h = 0; h < 2; h++)
                {
                    ulong t = word * (h == 0 ? (uint)m : (uint)(m >> 32)) + p[i + h] + carry;
                    p[i + h] = (uint)t;
                    carry = t >> 32;
                }
                for (int j = i + 2; carry != 0; j++)
                {
                    ulong t = (ulong)p[j] + carry;
                    p[j] = (uint)t;
                    carry = t >> 32;
                }
            }
            int point = 32 * (k0 + N) - e; // bits below the binary point of m·W
            q = (int)(Bits(p, point, 2));
            ulong f0 = Bits(p, point - 64, 64), f1 = Bits(p, point - 128, 64), f2 = Bits(p, point - 192, 64);
            bool negative = (f0 >> 63) != 0;
            if (negative)
            {
                // Nearer the next multiple: r = −(1 − f)·π/2, two's complement over 192 bits.
                q++;
                f2 = ~f2 + 1;
                f1 = ~f1 + (f2 == 0 ? 1UL : 0);
                f0 = ~f0 + (f2 == 0 && f1 == 0 ? 1UL : 0);
            }
            int scale = 0;
            while (f0 == 0) { f0 = f1; f1 = f2; f2 = 0; scale += 64; }
            int lz = Numerics.BitOperations.LeadingZeroCount(f0);
            if (lz > 0)
            {
                f0 = (f0 << lz) | (f1 >> (64 - lz));
                f1 = (f1 << lz) | (f2 >> (64 - lz));
                f2 <<= lz;
            }
            scale += lz;
            double a = f0 >> 11, b = ((f0 & 0x7FF) << 42) | (f1 >> 22), c = ((f1 & 0x3F_FFFF) << 31) | (f2 >> 33);
            D frac = (D.TwoSum(a * Pow2(-53), b * Pow2(-106)) + c * Pow2(-159)).Scale(Pow2(-scale));
            D r = frac * new D(MathConstants.PiOver2_0, MathConstants.PiOver2_1);
            return negative ? -r : r;
        }

        /// <summary>count (≤ 64) bits of the little-endian big integer p starting at bit pos (bits below 0 read as 0).</summary>
        private static unsafe ulong Bits(uint* p, int pos, int count)
        {
            ulong v = 0;
            for (int b = count - 1; b >= 0; b--)
            {
                int i = pos + b;
                v = (v << 1) | (i < 0 ? 0 : (p[i >> 5] >> (i & 31)) & 1);
            }
            return v;
        }
    }
}
