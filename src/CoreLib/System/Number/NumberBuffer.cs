namespace System
{
    /// <summary>
    /// A decimal number as digits: value = 0.d1d2…dn × 10^Scale (ASCII digits, no leading zeros,
    /// trailing zeros trimmed). Doubles convert to their exact decimal expansion (up to 767
    /// significant digits) and are then rounded once, so every format prints exact digits.
    /// </summary>
    internal enum RoundKind { HalfEven, HalfUp, Truncate, Up }

    internal unsafe struct NumberBuffer
    {
        public const int Capacity = 800;
        public byte* Digits;
        public int Count, Scale;
        public bool Negative;

        public NumberBuffer(byte* storage) { Digits = storage; Count = 0; Scale = 0; Negative = false; }

        public bool IsZero => Count == 0;

        public void SetUInt64(ulong value)
        {
            byte* tmp = stackalloc byte[20];
            int n = 0;
            while (value != 0) { tmp[n++] = (byte)('0' + (int)(value % 10)); value /= 10; }
            Count = n;
            Scale = n;
            for (int i = 0; i < n; i++) Digits[i] = tmp[n - 1 - i];
            Trim();
        }

        /// <summary>The exact decimal expansion of a finite double's magnitude.</summary>
        public void SetDouble(double value)
        {
            Negative = double.IsNegative(value);
            ulong bits = BitConverter.DoubleToUInt64Bits(value) & 0x7FFF_FFFF_FFFF_FFFFUL;
            int be = (int)(bits >> 52);
            ulong m = bits & 0x000F_FFFF_FFFF_FFFFUL;
            if (be != 0) m |= 1UL << 52; else be = 1;
            SetBinary(m, be - 1075);
        }

        /// <summary>m·2^e exactly: m·2^e when e ≥ 0, else m·5^-e digits with the point moved -e places.</summary>
        public void SetBinary(ulong m, int e)
        {
            Count = 0; Scale = 0;
            if (m == 0) return;
            uint* limbs = stackalloc uint[BigNum.MaxLimbs];
            var n = new BigNum(limbs);
            n.Set(m);
            if (e >= 0) n.ShiftLeft(e); else n.MulPow5(-e);
            // Nine digits at a time from the bottom.
            uint* groups = stackalloc uint[100];
            int g = 0;
            while (n.Length != 0) groups[g++] = n.DivRem(1000000000);
            int count = 0;
            uint top = groups[g - 1];
            byte* tmp = stackalloc byte[10];
            int t = 0;
            while (top != 0) { tmp[t++] = (byte)('0' + top % 10); top /= 10; }
            while (t > 0) Digits[count++] = tmp[--t];
            for (int i = g - 2; i >= 0; i--)
            {
                uint v = groups[i];
                for (int k = 8; k >= 0; k--) { Digits[count + k] = (byte)('0' + v % 10); v /= 10; }
                count += 9;
            }
            Count = count;
            Scale = e >= 0 ? count : count + e;
            Trim();
        }

        private void Trim()
        {
            while (Count > 0 && Digits[Count - 1] == '0') Count--;
        }

        /// <summary>
        /// Rounds to the first `keep` digits (keep ≤ 0 rounds to a power of ten or to zero). Doubles
        /// round ties to even, as .NET's standard formats do; integer digits and the 15-digit buffer
        /// of custom formats round ties up, as .NET's do.
        /// </summary>
        public void Round(int keep, RoundKind kind)
        {
            if (keep >= Count) return;
            if (keep < 0) { Count = 0; return; }
            bool up;
            byte d = Digits[keep];
            if (kind == RoundKind.Truncate) up = false;
            else if (kind == RoundKind.Up) up = true; // something non-zero lies beyond: Count > keep
            else if (d != '5' || kind == RoundKind.HalfUp) up = d >= '5';
            else
            {
                bool beyond = false;
                for (int i = keep + 1; i < Count; i++) if (Digits[i] != '0') { beyond = true; break; }
                up = beyond || (keep > 0 && ((Digits[keep - 1] - '0') & 1) != 0);
            }
            Count = keep;
            if (up)
            {
                int i = keep - 1;
                while (i >= 0 && Digits[i] == '9') i--;
                if (i < 0) { Digits[0] = (byte)'1'; Count = 1; Scale++; return; }
                Digits[i]++;
                Count = i + 1;
            }
            Trim();
        }

        public void CopyTo(ref NumberBuffer other)
        {
            for (int i = 0; i < Count; i++) other.Digits[i] = Digits[i];
            other.Count = Count;
            other.Scale = Scale;
            other.Negative = Negative;
        }

        public int Digit(int i) => i < Count ? Digits[i] - '0' : 0;
    }
}
