namespace System
{
    /// <summary>
    /// A position counted from the start or, with `^n`, from the end of a sequence. C# compiles
    /// `^n` to the (int, bool) constructor and `a[i]` with an Index to Length/Count and GetOffset.
    /// </summary>
    public readonly struct Index : IEquatable<Index>
    {
        // From the start: the value itself; from the end: its complement (so ^0 is -1).
        private readonly int _value;

        public Index(int value, bool fromEnd = false)
        {
            if (value < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("value");
            _value = fromEnd ? ~value : value;
        }

        private Index(int value, int _) => _value = value;

        public static Index Start => new Index(0, 0);

        public static Index End => new Index(~0, 0);

        public static Index FromStart(int value)
        {
            if (value < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("value");
            return new Index(value, 0);
        }

        public static Index FromEnd(int value)
        {
            if (value < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("value");
            return new Index(~value, 0);
        }

        public int Value => _value < 0 ? ~_value : _value;

        public bool IsFromEnd => _value < 0;

        /// <summary>The offset from the start in a sequence of <paramref name="length"/> elements (not range-checked, as in .NET).</summary>
        public int GetOffset(int length) => _value < 0 ? _value + length + 1 : _value;

        public override bool Equals(object value) => value is Index other && _value == other._value;

        public bool Equals(Index other) => _value == other._value;

        public override int GetHashCode() => _value;

        public static implicit operator Index(int value) => FromStart(value);

        public override string ToString() => IsFromEnd ? "^" + Value.ToString() : Value.ToString();
    }
}
