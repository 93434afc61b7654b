namespace Nacre.Personality.Libc
{
    /// <summary>
    /// strtod, correctly rounded: decimal digits (up to 800 significant, the rest only matter as
    /// "non-zero"), hexadecimal floats, inf, infinity and nan. The value D·10^E is divided out
    /// exactly with big integers into a 64-bit quotient plus a sticky remainder, then rounded
    /// half to even to 53 bits (fewer for subnormals), as glibc does in the default rounding mode.
    /// </summary>
    public static unsafe class FloatParser
    {
        private const int MaxDigits = 800, Limbs = 220;

        private struct Big
        {
            public fixed uint W[Limbs];
            public int N;

            public void SetSmall(ulong v) { for (int i = 0; i < Limbs; i++) W[i] = 0; W[0] = (uint)v; W[1] = (uint)(v >> 32); N = v == 0 ? 0 : v >> 32 == 0 ? 1 : 2; }

            public void MultiplyAdd(uint m, uint a)
            {
                ulong carry = a;
                for (int i = 0; i < N; i++) { ulong p = (ulong)W[i] * m + carry; W[i] = (uint)p; carry = p >> 32; }
                if (carry != 0) W[N++] = (uint)carry;
            }

            public void ShiftLeft(int bits)
            {
                if (bits <= 0 || N == 0) return;
                int words = bits / 32, rest = bits % 32;
                for (int i = N - 1; i >= 0; i--)
                {
                    ulong v = (ulong)W[i] << rest;
                    W[i + words + 1] |= (uint)(v >> 32);
                    W[i + words] = (uint)v;
                }
                for (int i = 0; i < words; i++) W[i] = 0;
                N += words + 1;
                while (N > 0 && W[N - 1] == 0) N--;
            }

            public int BitLength => N == 0 ? 0 : 32 * (N - 1) + (32 - System.Numerics.BitOperations.LeadingZeroCount(W[N - 1]));

            public static int Compare(Big* a, Big* b)
            {
                if (a->N != b->N) return a->N < b->N ? -1 : 1;
                for (int i = a->N - 1; i >= 0; i--) if (a->W[i] != b->W[i]) return a->W[i] < b->W[i] ? -1 : 1;
                return 0;
            }

            public void Subtract(Big* b)
            {
                long borrow = 0;
                for (int i = 0; i < N; i++)
                {
                    long d = (long)W[i] - (i < b->N ? b->W[i] : 0) - borrow;
                    borrow = d < 0 ? 1 : 0;
                    W[i] = (uint)d;
                }
                while (N > 0 && W[N - 1] == 0) N--;
            }
        }

        private static bool IsSpace(byte c) => c == ' ' || (c >= '\t' && c <= '\r');

        private static bool Word(byte* p, string word, out int length)
        {
            length = word.Length;
            for (int i = 0; i < word.Length; i++) if ((p[i] | 0x20) != word[i]) return false;
            return true;
        }

        public static double Parse(byte* s, byte** end)
        {
            byte* p = s;
            while (IsSpace(*p)) p++;
            bool negative = false;
            if (*p == (byte)'+' || *p == (byte)'-') { negative = *p == (byte)'-'; p++; }
            double result;
            if (Word(p, "infinity", out int n) || Word(p, "inf", out n)) { result = DoubleBits.FromBits(0x7FF0000000000000UL); p += n; }
            else if (Word(p, "nan", out n))
            {
                p += n;
                if (*p == (byte)'(') { byte* t = p + 1; while ((*t | 0x20) >= 'a' && (*t | 0x20) <= 'z' || (*t >= '0' && *t <= '9') || *t == '_') t++; if (*t == (byte)')') p = t + 1; }
                result = DoubleBits.FromBits(0x7FF8000000000000UL);
            }
            else if (p[0] == (byte)'0' && (p[1] | 0x20) == (byte)'x' && (Hex(p[2]) >= 0 || (p[2] == (byte)'.' && Hex(p[3]) >= 0))) result = ParseHex(ref p);
            else
            {
                byte* before = p;
                result = ParseDecimal(ref p);
                if (p == before) { if (end != null) *end = s; return 0; }
            }
            if (end != null) *end = p;
            return negative ? -result : result;
        }

        private static int Hex(byte c) => c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;

        private static double ParseDecimal(ref byte* p)
        {
            byte* digits = stackalloc byte[MaxDigits];
            int count = 0, pointShift = 0;
            bool any = false, sticky = false, seenPoint = false;
            for (; ; p++)
            {
                if (*p == (byte)'.' && !seenPoint) { seenPoint = true; continue; }
                if (*p < (byte)'0' || *p > (byte)'9') break;
                any = true;
                int d = *p - '0';
                if (count == 0 && d == 0) { if (seenPoint) pointShift--; continue; }   // leading zeros
                if (count < MaxDigits) { digits[count++] = (byte)d; if (seenPoint) pointShift--; }
                else { if (d != 0) sticky = true; if (!seenPoint) pointShift++; }
            }
            if (!any) return 0;   // caller sees p unchanged only when there was no digit at all
            long exponent = 0;
            if ((*p | 0x20) == (byte)'e')
            {
                byte* t = p + 1;
                bool negativeExponent = false;
                if (*t == (byte)'+' || *t == (byte)'-') { negativeExponent = *t == (byte)'-'; t++; }
                if (*t >= (byte)'0' && *t <= (byte)'9')
                {
                    while (*t >= (byte)'0' && *t <= (byte)'9') { if (exponent < 100000) exponent = exponent * 10 + (*t - '0'); t++; }
                    if (negativeExponent) exponent = -exponent;
                    p = t;
                }
            }
            if (count == 0) return 0;
            long e10 = exponent + pointShift;               // value = digits · 10^e10
            if (e10 + count > 310) { Errno.Value = Errno.ERANGE; return DoubleBits.FromBits(0x7FF0000000000000UL); }
            if (e10 + count < -330) { Errno.Value = Errno.ERANGE; return 0; }

            Big num = default, den = default;
            num.SetSmall(0);
            for (int i = 0; i < count; i++) num.MultiplyAdd(10, digits[i]);
            den.SetSmall(1);
            if (e10 >= 0) for (long i = 0; i < e10; i++) num.MultiplyAdd(10, 0);
            else for (long i = 0; i < -e10; i++) den.MultiplyAdd(10, 0);

            // Scale to R = num·2^shift / den in [1, 2); value = R·2^-shift.
            int shift = den.BitLength - num.BitLength;
            if (shift > 0) num.ShiftLeft(shift); else den.ShiftLeft(-shift);
            if (Big.Compare(&num, &den) < 0) { num.ShiftLeft(1); shift++; }
            ulong q = 0;
            // Long division: q = floor(R·2^63), the remainder says whether anything is left.
            for (int bit = 0; bit < 64; bit++)
            {
                q <<= 1;
                if (Big.Compare(&num, &den) >= 0) { num.Subtract(&den); q |= 1; }
                num.ShiftLeft(1);
            }
            // value = q·2^(-(shift + 63)) + a remainder below one unit of q.
            bool remainder = num.N != 0 || sticky;
            return Round(q, -(shift + 63), remainder);
        }

        // Rounds q·2^e2 (q ≠ 0, sticky: something non-zero below q) to a double, half to even.
        private static double Round(ulong q, long e2, bool sticky)
        {
            int lz = System.Numerics.BitOperations.LeadingZeroCount(q);
            q <<= lz;
            e2 -= lz;                                      // q has its top bit set: value = q·2^e2
            long exponent = e2 + 63;                       // of the leading bit
            int keep = 53;
            if (exponent < -1022) keep = (int)(53 - (-1022 - exponent));
            if (keep < 0) { Errno.Value = Errno.ERANGE; return 0; }
            int drop = 64 - keep;
            ulong mantissa = drop >= 64 ? 0 : q >> drop;
            ulong rest = drop >= 64 ? q : q & ((1UL << drop) - 1);
            ulong half = drop == 0 ? 0 : drop >= 64 ? 1UL << 63 : 1UL << (drop - 1);
            bool up = drop > 0 && (rest > half || (rest == half && (sticky || (mantissa & 1) != 0)));
            if (drop > 0 && rest == half && !sticky && (mantissa & 1) == 0) up = false;
            if (up)
            {
                mantissa++;
                if (keep == 53 && mantissa == (1UL << 53)) { mantissa >>= 1; exponent++; }
                else if (keep < 53 && mantissa == (1UL << keep)) { /* became the smallest normal or next binade */ }
            }
            if (exponent > 1023) { Errno.Value = Errno.ERANGE; return DoubleBits.FromBits(0x7FF0000000000000UL); }
            if (keep < 53)
            {
                // Subnormal (or rounded up into the smallest normal): the bits are the mantissa itself.
                if (mantissa == 0) Errno.Value = Errno.ERANGE;
                return DoubleBits.FromBits(mantissa);
            }
            return DoubleBits.FromBits(((ulong)(exponent + 1023) << 52) | (mantissa & 0xFFFFFFFFFFFFFUL));
        }

        private static double ParseHex(ref byte* p)
        {
            p += 2;
            ulong q = 0;
            long e2 = 0;
            bool sticky = false, seenPoint = false;
            int bits = 0;
            for (; ; p++)
            {
                if (*p == (byte)'.' && !seenPoint) { seenPoint = true; continue; }
                int h = Hex(*p);
                if (h < 0) break;
                if (q == 0 && h == 0) { if (seenPoint) e2 -= 4; continue; }
                if (bits <= 60) { q = (q << 4) | (uint)h; bits += 4; if (seenPoint) e2 -= 4; }
                else { if (h != 0) sticky = true; if (!seenPoint) e2 += 4; }
            }
            if ((*p | 0x20) == (byte)'p')
            {
                byte* t = p + 1;
                bool negative = false;
                if (*t == (byte)'+' || *t == (byte)'-') { negative = *t == (byte)'-'; t++; }
                if (*t >= (byte)'0' && *t <= (byte)'9')
                {
                    long x = 0;
                    while (*t >= (byte)'0' && *t <= (byte)'9') { if (x < 100000) x = x * 10 + (*t - '0'); t++; }
                    e2 += negative ? -x : x;
                    p = t;
                }
            }
            if (q == 0) return 0;
            return Round(q, e2, sticky);
        }
    }
}
