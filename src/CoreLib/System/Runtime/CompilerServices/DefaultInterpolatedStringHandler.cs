using System.Text;

namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// The builder the C# compiler lowers $"..." to. Typed overloads format the primitive types
    /// without boxing; anything else goes through ToString.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct DefaultInterpolatedStringHandler
    {
        private StringBuilder _sb;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _sb = new StringBuilder(literalLength + formattedCount * 8);
        }

        public void AppendLiteral(string value) => _sb.Append(value);

        public void AppendFormatted(string value) => _sb.Append(value);
        public void AppendFormatted(string value, int alignment) => Align(value, alignment);
        public void AppendFormatted(char value) => _sb.Append(value);
        public void AppendFormatted(bool value) => _sb.Append(value ? "True" : "False");
        public void AppendFormatted(int value) => _sb.Append(value.ToString());
        public void AppendFormatted(int value, string format) => _sb.Append(value.ToString(format));
        public void AppendFormatted(int value, int alignment) => Align(value.ToString(), alignment);
        public void AppendFormatted(uint value) => _sb.Append(value.ToString());
        public void AppendFormatted(uint value, string format) => _sb.Append(value.ToString(format));
        public void AppendFormatted(long value) => _sb.Append(value.ToString());
        public void AppendFormatted(long value, string format) => _sb.Append(value.ToString(format));
        public void AppendFormatted(long value, int alignment) => Align(value.ToString(), alignment);
        public void AppendFormatted(ulong value) => _sb.Append(value.ToString());
        public void AppendFormatted(ulong value, string format) => _sb.Append(value.ToString(format));
        public void AppendFormatted(ulong value, int alignment) => Align(value.ToString(), alignment);
        public void AppendFormatted(byte value, string format) => _sb.Append(value.ToString(format));
        public void AppendFormatted(ushort value, string format) => _sb.Append(value.ToString(format));
        public void AppendFormatted(nint value, string format) => _sb.Append(((long)value).ToString(format));
        public void AppendFormatted(nuint value, string format) => _sb.Append(((ulong)value).ToString(format));
        public void AppendFormatted(double value) => _sb.Append(value.ToString());
        public void AppendFormatted(double value, string format) => _sb.Append(value.ToString(format));
        public void AppendFormatted(double value, int alignment) => Align(value.ToString(), alignment);
        public void AppendFormatted(ReadOnlySpan<char> value) => _sb.Append(value);

        public void AppendFormatted<T>(T value)
        {
            if (value != null) _sb.Append(value.ToString());
        }

        public void AppendFormatted<T>(T value, int alignment) => Align(value == null ? "" : value.ToString(), alignment);

        // Values that take a format string ("F2", "X8", custom ones) are IFormattable, as in .NET.
        public void AppendFormatted<T>(T value, string format) => _sb.Append(Format(value, format));
        public void AppendFormatted<T>(T value, int alignment, string format) => Align(Format(value, format), alignment);
        public void AppendFormatted(double value, int alignment, string format) => Align(value.ToString(format), alignment);
        public void AppendFormatted(int value, int alignment, string format) => Align(value.ToString(format), alignment);

        private static string Format<T>(T value, string format) =>
            value is IFormattable f ? f.ToString(format, null) : value == null ? "" : value.ToString();

        private void Align(string s, int alignment)
        {
            if (alignment >= 0) _sb.Append(s.PadLeft(alignment));
            else _sb.Append(s.PadRight(-alignment));
        }

        public string ToStringAndClear()
        {
            string s = _sb.ToString();
            _sb = null;
            return s;
        }

        public override string ToString() => _sb.ToString();
    }
}
