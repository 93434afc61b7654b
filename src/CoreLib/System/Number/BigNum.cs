namespace System
{
    /// <summary>
    /// Unsigned big integers in caller-provided little-endian uint limbs (stack memory: number
    /// conversion allocates nothing but its result). Enough for exact conversions of any double:
    /// the largest operand, ~800 decimal digits times 2^1100, needs under 250 limbs.
    /// </summary>
    internal unsafe struct BigNum
    {
        public const int MaxLimbs = 260;
        public uint* Limbs;
        public int Length; // no leading zero limbs; 0 means the value 0

        public BigNum(uint* storage) { Limbs = storage; Length = 0; }

        public void Set(ulong value)
        {
            Length = 0;
            if (value != 0) { Limbs[0] = (uint)value; Length = 1; }
            if ((value >> 32) != 0) { Limbs[1] = (uint)(value >> 32); Length = 2; }
        }

        public void CopyFrom(in BigNum other)
        {
            for (int i = 0; i < other.Length; i++) Limbs[i] = other.Limbs[i];
            Length = other.Length;
        }

        public void MulAdd(uint factor, uint addend)
        {
            ulong carry = addend;
            for (int i = 0; i < Length; i++)
            {
                ulong t = (ulong)Limbs[i] * factor + carry;
                Limbs[i] = (uint)t;
                carry = t >> 32;
            }
            if (carry != 0) Limbs[Length++] = (uint)carry;
            if (Length == 0 && addend != 0) { Limbs[0] = addend; Length = 1; }
        }

        public void MulPow5(int k)
        {
            for (; k >= 13; k -= 13) MulAdd(1220703125, 0); // 5^13 fits a limb
            uint f = 1;
            for (; k > 0; k--) f *= 5;
            if (f != 1) MulAdd(f, 0);
        }

        public void MulPow10(int k)
        {
            MulPow5(k);
            ShiftLeft(k);
        }

        public void ShiftLeft(int bits)
        {
            if (Length == 0 || bits == 0) return;
            int words = bits >> 5, b = bits & 31;
            if (b != 0)
            {
                uint top = Limbs[Length - 1] >> (32 - b);
                for (int i = Length - 1; i > 0; i--) Limbs[i] = (Limbs[i] << b) | (Limbs[i - 1] >> (32 - b));
                Limbs[0] <<= b;
                if (top != 0) Limbs[Length++] = top;
            }
            if (words != 0)
            {
                for (int i = Length - 1; i >= 0; i--) Limbs[i + words] = Limbs[i];
                for (int i = 0; i < words; i++) Limbs[i] = 0;
                Length += words;
            }
        }

        /// <summary>Divides in place by divisor, returning the remainder.</summary>
        public uint DivRem(uint divisor)
        {
            ulong rem = 0;
            for (int i = Length - 1; i >= 0; i--)
            {
                ulong cur = (rem << 32) | Limbs[i];
                Limbs[i] = (uint)(cur / divisor);
                rem = cur % divisor;
            }
            while (Length > 0 && Limbs[Length - 1] == 0) Length--;
            return (uint)rem;
        }

        public static int Compare(in BigNum a, in BigNum b)
        {
            if (a.Length != b.Length) return a.Length < b.Length ? -1 : 1;
            for (int i = a.Length - 1; i >= 0; i--)
                if (a.Limbs[i] != b.Limbs[i]) return a.Limbs[i] < b.Limbs[i] ? -1 : 1;
            return 0;
        }
    }
}
