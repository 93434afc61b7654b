using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    [Flags]
    public enum StringSplitOptions { None = 0, RemoveEmptyEntries = 1, TrimEntries = 2 }

    // Building new strings from old: split, join, trim, replace, insert, remove, case.
    public sealed partial class String
    {
        public static bool IsNullOrWhiteSpace(string s)
        {
            if (s == null) return true;
            for (int i = 0; i < s._stringLength; i++) if (!char.IsWhiteSpace(s[i])) return false;
            return true;
        }

        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None) => SplitCore(new[] { separator }, null, int.MaxValue, options);
        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None) => SplitCore(new[] { separator }, null, count, options);
        public string[] Split(params char[] separators) => SplitCore(separators, null, int.MaxValue, StringSplitOptions.None);
        public string[] Split(char[] separators, StringSplitOptions options) => SplitCore(separators, null, int.MaxValue, options);
        public string[] Split(char[] separators, int count) => SplitCore(separators, null, count, StringSplitOptions.None);
        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None) => SplitCore(null, new[] { separator }, int.MaxValue, options);
        public string[] Split(string[] separators, StringSplitOptions options) => SplitCore(null, separators, int.MaxValue, options);

        /// <summary>
        /// Splits on any of the chars, or else on any of the strings (null or empty separators:
        /// whitespace when splitting on chars); at most count parts, the last holding the rest.
        /// </summary>
        private string[] SplitCore(char[] chars, string[] strings, int count, StringSplitOptions options)
        {
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("count");
            var parts = new List<string>();
            if (count == 0) return parts.ToArray();
            int start = 0, i = 0;
            while (i <= _stringLength && parts.Count < count - 1)
            {
                int matched = i < _stringLength ? SeparatorAt(i, chars, strings) : 0;
                if (i == _stringLength) break;
                if (matched == 0) { i++; continue; }
                AddPart(parts, Substring(start, i - start), options);
                i += matched;
                start = i;
            }
            AddPart(parts, Substring(start), options);
            return parts.ToArray();
        }

        private int SeparatorAt(int i, char[] chars, string[] strings)
        {
            char c = Unsafe.Add(ref _firstChar, i);
            if (strings == null)
                return (chars == null || chars.Length == 0 ? char.IsWhiteSpace(c) : Array.IndexOf(chars, c) >= 0) ? 1 : 0;
            foreach (string s in strings)
                if (!IsNullOrEmpty(s) && s._stringLength <= _stringLength - i && CompareRange(this, i, s, 0, s._stringLength, false) == 0)
                    return s._stringLength;
            return 0;
        }

        private static void AddPart(List<string> parts, string part, StringSplitOptions options)
        {
            if ((options & StringSplitOptions.TrimEntries) != 0) part = part.Trim();
            if ((options & StringSplitOptions.RemoveEmptyEntries) != 0 && part.Length == 0) return;
            parts.Add(part);
        }

        // Arrays are walked by index: T[] does not implement IEnumerable<T> in this core library.
        public static string Join(string separator, params string[] values)
        {
            if (values == null) ThrowHelpers.ThrowArgumentNullException("values");
            var sb = new Text.StringBuilder();
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) sb.Append(separator);
                sb.Append(values[i]);
            }
            return sb.ToString();
        }

        public static string Join(char separator, params string[] values) => Join(FromChar(separator), values);

        public static string Join(string separator, params object[] values)
        {
            if (values == null) ThrowHelpers.ThrowArgumentNullException("values");
            var strings = new string[values.Length];
            for (int i = 0; i < values.Length; i++) strings[i] = values[i]?.ToString();
            return Join(separator, strings);
        }

        public static string Join<T>(string separator, IEnumerable<T> values)
        {
            var sb = new Text.StringBuilder();
            bool first = true;
            foreach (T v in values)
            {
                if (!first) sb.Append(separator);
                first = false;
                if (v != null) sb.Append(v.ToString());
            }
            return sb.ToString();
        }

        public static string Concat(IEnumerable<string> values) => Join(Empty, values);

        public string Trim() => TrimCore(null, true, true);
        public string Trim(char c) => TrimCore(new[] { c }, true, true);
        public string Trim(params char[] chars) => TrimCore(chars, true, true);
        public string TrimStart() => TrimCore(null, true, false);
        public string TrimStart(char c) => TrimCore(new[] { c }, true, false);
        public string TrimStart(params char[] chars) => TrimCore(chars, true, false);
        public string TrimEnd() => TrimCore(null, false, true);
        public string TrimEnd(char c) => TrimCore(new[] { c }, false, true);
        public string TrimEnd(params char[] chars) => TrimCore(chars, false, true);

        private string TrimCore(char[] chars, bool start, bool end)
        {
            int first = 0, last = _stringLength - 1;
            while (start && first <= last && Trims(chars, this[first])) first++;
            while (end && last >= first && Trims(chars, this[last])) last--;
            return Substring(first, last - first + 1);
        }

        private static bool Trims(char[] chars, char c) => chars == null || chars.Length == 0 ? char.IsWhiteSpace(c) : Array.IndexOf(chars, c) >= 0;

        public string Replace(string oldValue, string newValue)
        {
            if (IsNullOrEmpty(oldValue)) ThrowHelpers.ThrowArgumentException("oldValue is empty");
            var sb = new Text.StringBuilder();
            int start = 0;
            for (int i = IndexOf(oldValue, 0); i >= 0; i = IndexOf(oldValue, start))
            {
                sb.Append(Substring(start, i - start)).Append(newValue);
                start = i + oldValue._stringLength;
            }
            if (start == 0) return this;
            return sb.Append(Substring(start)).ToString();
        }

        public string Insert(int startIndex, string value)
        {
            if ((uint)startIndex > (uint)_stringLength) ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            return Concat(Substring(0, startIndex), value, Substring(startIndex));
        }

        public string Remove(int startIndex) => Substring(0, startIndex);
        public string Remove(int startIndex, int count)
        {
            CheckRange(startIndex, count);
            return Concat(Substring(0, startIndex), Substring(startIndex + count));
        }

        public string ToUpper() => ToUpperInvariant();
        public string ToLower() => ToLowerInvariant();
    }
}
