namespace System
{
    public partial struct Single : IEquatable<float>, IComparable<float>
    {
#pragma warning disable 169
        private float m_value;
#pragma warning restore 169
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;
        public const float NegativeZero = -0.0f;
        public const float Epsilon = 1.401298E-45f;
        public const float MaxValue = 3.40282347E+38f;
        public const float MinValue = -3.40282347E+38f;
        public const float E = MathF.E;
        public const float Pi = MathF.PI;
        public const float Tau = MathF.Tau;

#pragma warning disable CS1718 // NaN is the one value unequal to itself: one ucomiss, no trip through memory
        public static bool IsNaN(float f) => f != f;
#pragma warning restore CS1718
        public static bool IsInfinity(float f) => (BitConverter.SingleToUInt32Bits(f) & 0x7FFF_FFFFu) == 0x7F80_0000u;
        public static bool IsPositiveInfinity(float f) => f == PositiveInfinity;
        public static bool IsNegativeInfinity(float f) => f == NegativeInfinity;
        public static bool IsFinite(float f) => (BitConverter.SingleToUInt32Bits(f) & 0x7FFF_FFFFu) < 0x7F80_0000u;
        public static bool IsNegative(float f) => BitConverter.SingleToInt32Bits(f) < 0;
        public static bool IsPositive(float f) => BitConverter.SingleToInt32Bits(f) >= 0;
        public static bool IsZero(float f) => f == 0;
        public static bool IsNormal(float f)
        {
            uint bits = BitConverter.SingleToUInt32Bits(f) & 0x7FFF_FFFFu;
            return bits < 0x7F80_0000u && (bits >> 23) != 0;
        }
        public static bool IsSubnormal(float f)
        {
            uint bits = BitConverter.SingleToUInt32Bits(f) & 0x7FFF_FFFFu;
            return bits != 0 && (bits >> 23) == 0;
        }
        public static bool IsInteger(float f) => IsFinite(f) && f == MathF.Truncate(f);

        public override string ToString() => Number.FormatSingle(this, null);
        public string ToString(string format) => Number.FormatSingle(this, format);
        public string ToString(IFormatProvider provider) => Number.FormatSingle(this, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatSingle(this, format);

        public int CompareTo(float other) => this < other ? -1 : this > other ? 1 : this == other ? 0 : IsNaN(this) ? (IsNaN(other) ? 0 : -1) : 1;
        public bool Equals(float other) => this == other || (IsNaN(this) && IsNaN(other));
        public override bool Equals(object obj) => obj is float v && Equals(v);
        public override int GetHashCode()
        {
            float f = this;
            if (f == 0 || IsNaN(f)) f = f == 0 ? 0 : NaN;
            return BitConverter.SingleToInt32Bits(f);
        }
    }
}
