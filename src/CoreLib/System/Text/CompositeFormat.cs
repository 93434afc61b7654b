namespace System.Text
{
    /// <summary>
    /// Composite formatting: "{index[,alignment][:format]}" items with "{{" and "}}" escapes, as
    /// string.Format, StringBuilder.AppendFormat and Console.WriteLine(format, …) read them.
    /// IFormattable arguments receive the item's format; null prints as nothing.
    /// </summary>
    internal static class CompositeFormat
    {
        public static void Append(StringBuilder sb, IFormatProvider provider, string format, ReadOnlySpan<object> args)
        {
            if (format == null) ThrowHelpers.ThrowArgumentNullException("format");
            int i = 0, n = format.Length;
            while (i < n)
            {
                char c = format[i++];
                if (c == '}')
                {
                    if (i < n && format[i] == '}') { sb.Append('}'); i++; continue; }
                    Invalid();
                }
                if (c != '{') { sb.Append(c); continue; }
                if (i < n && format[i] == '{') { sb.Append('{'); i++; continue; }

                int index = ReadNumber(format, ref i, 1_000_000);
                if (index < 0) Invalid();
                SkipSpaces(format, ref i);
                int alignment = 0;
                if (i < n && format[i] == ',')
                {
                    i++;
                    SkipSpaces(format, ref i);
                    bool left = i < n && format[i] == '-';
                    if (left) i++;
                    alignment = ReadNumber(format, ref i, 1_000_000);
                    if (alignment < 0) Invalid();
                    if (left) alignment = -alignment;
                    SkipSpaces(format, ref i);
                }
                string itemFormat = null;
                if (i < n && format[i] == ':')
                {
                    int start = ++i;
                    while (i < n && format[i] != '}')
                    {
                        if (format[i] == '{') Invalid();
                        i++;
                    }
                    itemFormat = format.Substring(start, i - start);
                }
                if (i >= n || format[i] != '}') Invalid();
                i++;
                if (index >= args.Length) ThrowHelpers.ThrowFormatException();

                object arg = args[index];
                string text = arg is IFormattable f ? f.ToString(itemFormat, provider) : arg?.ToString();
                text ??= "";
                int pad = (alignment < 0 ? -alignment : alignment) - text.Length;
                if (alignment > 0 && pad > 0) sb.Append(' ', pad);
                sb.Append(text);
                if (alignment < 0 && pad > 0) sb.Append(' ', pad);
            }
        }

        private static int ReadNumber(string s, ref int i, int limit)
        {
            int start = i, v = 0;
            while (i < s.Length && s[i] >= '0' && s[i] <= '9')
            {
                v = v * 10 + (s[i++] - '0');
                if (v >= limit) return -1;
            }
            return i == start ? -1 : v;
        }

        private static void SkipSpaces(string s, ref int i)
        {
            while (i < s.Length && s[i] == ' ') i++;
        }

        private static void Invalid() => throw new FormatException("Input string was not in a correct format.");
    }
}
