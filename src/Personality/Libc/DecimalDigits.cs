namespace Nacre.Personality.Libc
{
    /// <summary>
    /// The exact decimal expansion of a double, for printf's %f, %e and %g: a double is m·2^e,
    /// which is (m·5^-e)·10^e when e &lt; 0, so its digits are those of a big integer (at most
    /// 767 of them), computed here with 32-bit limbs. Rounding to the requested precision then
    /// works on exact digits, round-half-to-even like glibc in the default rounding mode, so
    /// the output is glibc's to the last digit.
    /// </summary>
    public unsafe struct DecimalDigits
    {
        public const int MaxDigits = 1100;

        /// <summary>Digit characters '0'..'9', most significant first (no leading zeros unless the value is 0).</summary>
        public fixed byte Digits[MaxDigits];
        public int Count;
        /// <summary>The decimal exponent: value = 0.Digits × 10^PointPosition.</summary>
        public int PointPosition;

        /// <summary>The exact digits of |value| (finite).</summary>
        public static void Of(double value, DecimalDigits* result)
        {
            ulong bits = DoubleBits.ToBits(value);
            int exponent = (int)((bits >> 52) & 0x7FF);
            ulong mantissa = bits & 0xFFFFFFFFFFFFFUL;
            if (exponent == 0) exponent = 1; else mantissa |= 1UL << 52;
            exponent -= 1075;   // value = mantissa · 2^exponent
            if (mantissa == 0) { result->Count = 1; result->Digits[0] = (byte)'0'; result->PointPosition = 1; return; }

            const int Limbs = 90;   // 2^1077 and 5^1074·2^53 both fit in 2880 bits
            uint* n = stackalloc uint[Limbs];
            for (int i = 0; i < Limbs; i++) n[i] = 0;
            n[0] = (uint)mantissa;
            n[1] = (uint)(mantissa >> 32);
            int used = 2;
            int pointShift = 0;
            if (exponent >= 0)
            {
                for (int k = 0; k < exponent; k++) used = MultiplySmall(n, used, 2);
            }
            else
            {
                for (int k = 0; k < -exponent; k++) used = MultiplySmall(n, used, 5);
                pointShift = exponent;   // value = n · 10^exponent
            }
            // Decimal digits of n, least significant first, nine at a time.
            byte* reversed = stackalloc byte[MaxDigits];
            int count = 0;
            while (used > 0)
            {
                uint remainder = DivideSmall(n, ref used, 1_000_000_000);
                for (int d = 0; d < 9; d++) { reversed[count++] = (byte)('0' + remainder % 10); remainder /= 10; }
            }
            while (count > 1 && reversed[count - 1] == (byte)'0') count--;
            for (int i = 0; i < count; i++) result->Digits[i] = reversed[count - 1 - i];
            result->Count = count;
            result->PointPosition = count + pointShift;
        }

        private static int MultiplySmall(uint* n, int used, uint factor)
        {
            ulong carry = 0;
            for (int i = 0; i < used; i++)
            {
                ulong p = (ulong)n[i] * factor + carry;
                n[i] = (uint)p;
                carry = p >> 32;
            }
            if (carry != 0) n[used++] = (uint)carry;
            return used;
        }

        private static uint DivideSmall(uint* n, ref int used, uint divisor)
        {
            ulong remainder = 0;
            for (int i = used - 1; i >= 0; i--)
            {
                ulong cur = (remainder << 32) | n[i];
                n[i] = (uint)(cur / divisor);
                remainder = cur % divisor;
            }
            while (used > 0 && n[used - 1] == 0) used--;
            return (uint)remainder;
        }

        /// <summary>
        /// Keeps the digits up to position keep (digits before the point count as positive
        /// positions: keep = PointPosition + fraction digits for %f), rounding half to even.
        /// May carry into a new leading digit (PointPosition grows).
        /// </summary>
        public void RoundTo(int keep)
        {
            if (keep >= Count) return;
            if (keep < 0) { SetZero(); return; }   // below half of the last kept place: 0
            bool up;
            int first = Digits[keep] - '0';
            if (first > 5) up = true;
            else if (first < 5) up = false;
            else
            {
                bool rest = false;
                for (int i = keep + 1; i < Count; i++) if (Digits[i] != (byte)'0') { rest = true; break; }
                up = rest || (keep > 0 && ((Digits[keep - 1] - '0') & 1) != 0);
            }
            Count = keep;
            if (up)
            {
                int i = keep - 1;
                while (i >= 0 && Digits[i] == (byte)'9') { Digits[i] = (byte)'0'; i--; }
                if (i >= 0) Digits[i]++;
                else
                {
                    for (int k = Count; k > 0; k--) Digits[k] = Digits[k - 1];
                    Digits[0] = (byte)'1';
                    Count++;
                    PointPosition++;
                }
            }
            if (Count == 0) SetZero();
        }

        private void SetZero()
        {
            Count = 1;
            Digits[0] = (byte)'0';
            PointPosition = 1;
        }

        public bool IsZero => Count == 1 && Digits[0] == (byte)'0';

        /// <summary>The digit at position i (0 beyond the digits).</summary>
        public byte At(int i) => i >= 0 && i < Count ? Digits[i] : (byte)'0';
    }
}
