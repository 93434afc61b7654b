namespace System
{
    public partial struct Double : IEquatable<double>, IComparable<double>
    {
#pragma warning disable 169
        private double m_value;
#pragma warning restore 169
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;
        public const double NegativeZero = -0.0;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double MinValue = -1.7976931348623157E+308;
        public const double E = Math.E;
        public const double Pi = Math.PI;
        public const double Tau = Math.Tau;

#pragma warning disable CS1718 // NaN is the one value unequal to itself: one ucomisd, no trip through memory
        public static bool IsNaN(double d) => d != d;
#pragma warning restore CS1718
        public static bool IsInfinity(double d) => (BitConverter.DoubleToUInt64Bits(d) & 0x7FFF_FFFF_FFFF_FFFFUL) == 0x7FF0_0000_0000_0000UL;
        public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;
        public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;
        public static bool IsFinite(double d) => (BitConverter.DoubleToUInt64Bits(d) & 0x7FFF_FFFF_FFFF_FFFFUL) < 0x7FF0_0000_0000_0000UL;
        public static bool IsNegative(double d) => BitConverter.DoubleToInt64Bits(d) < 0;
        public static bool IsPositive(double d) => BitConverter.DoubleToInt64Bits(d) >= 0;
        public static bool IsZero(double d) => d == 0;
        public static bool IsNormal(double d)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(d) & 0x7FFF_FFFF_FFFF_FFFFUL;
            return bits < 0x7FF0_0000_0000_0000UL && (bits >> 52) != 0;
        }
        public static bool IsSubnormal(double d)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(d) & 0x7FFF_FFFF_FFFF_FFFFUL;
            return bits != 0 && (bits >> 52) == 0;
        }
        public static bool IsInteger(double d) => IsFinite(d) && d == Math.Truncate(d);
        public static bool IsEvenInteger(double d) => IsInteger(d) && Math.Abs(d % 2) == 0;
        public static bool IsOddInteger(double d) => IsInteger(d) && Math.Abs(d % 2) == 1;
        public static bool IsPow2(double d)
        {
            ulong bits = BitConverter.DoubleToUInt64Bits(d);
            return d > 0 && (bits >> 52) != 0 && (bits >> 52) < 0x7FF && (bits & 0x000F_FFFF_FFFF_FFFFUL) == 0;
        }

        public override string ToString() => Number.FormatDouble(this, null);
        public string ToString(string format) => Number.FormatDouble(this, format);
        public string ToString(IFormatProvider provider) => Number.FormatDouble(this, null);
        public string ToString(string format, IFormatProvider provider) => Number.FormatDouble(this, format);

        // NaN sorts before everything (and equals itself), as in .NET, so sorting is total.
        public int CompareTo(double other) => this < other ? -1 : this > other ? 1 : this == other ? 0 : IsNaN(this) ? (IsNaN(other) ? 0 : -1) : 1;
        public bool Equals(double other) => this == other || (IsNaN(this) && IsNaN(other));
        public override bool Equals(object obj) => obj is double v && Equals(v);
        public override int GetHashCode()
        {
            double d = this;
            if (d == 0 || IsNaN(d)) d = d == 0 ? 0 : NaN; // +0 and −0 are equal, so hash alike; one NaN hash
            long bits = BitConverter.DoubleToInt64Bits(d);
            return (int)bits ^ (int)(bits >> 32);
        }
    }
}
