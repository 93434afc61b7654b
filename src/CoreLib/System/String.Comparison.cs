using System.Runtime.CompilerServices;

namespace System
{
    public enum StringComparison
    {
        CurrentCulture = 0, CurrentCultureIgnoreCase = 1, InvariantCulture = 2,
        InvariantCultureIgnoreCase = 3, Ordinal = 4, OrdinalIgnoreCase = 5,
    }

    // Ordering and equality of strings. There is no culture data in the kernel: every comparison
    // is ordinal (UTF-16 code units), with ASCII case folding for the IgnoreCase kinds — what .NET
    // itself does in globalization-invariant mode.
    public sealed partial class String
    {
        public int CompareTo(string other) => Compare(this, other);

        public static int Compare(string a, string b) => CompareOrdinal(a, b);

        public static int Compare(string a, string b, bool ignoreCase) =>
            Compare(a, b, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        public static int Compare(string a, string b, StringComparison comparison)
        {
            if ((object)a == (object)b) return 0;
            if (a == null) return -1;
            if (b == null) return 1;
            return CompareRange(a, 0, b, 0, a._stringLength > b._stringLength ? a._stringLength : b._stringLength, IgnoresCase(comparison));
        }

        public static int CompareOrdinal(string a, string b) => Compare(a, b, StringComparison.Ordinal);

        public static int CompareOrdinal(string a, int indexA, string b, int indexB, int length)
        {
            if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
            return CompareRange(a, indexA, b, indexB, length, false);
        }

        /// <summary>Compares at most length chars of each, starting at the indices (shorter ranges order first).</summary>
        private static int CompareRange(string a, int indexA, string b, int indexB, int length, bool ignoreCase)
        {
            if (length < 0 || (uint)indexA > (uint)a._stringLength || (uint)indexB > (uint)b._stringLength)
                ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            int la = Math.Min(length, a._stringLength - indexA), lb = Math.Min(length, b._stringLength - indexB);
            int n = Math.Min(la, lb);
            for (int i = 0; i < n; i++)
            {
                char x = Unsafe.Add(ref a._firstChar, indexA + i), y = Unsafe.Add(ref b._firstChar, indexB + i);
                if (ignoreCase) { x = char.ToUpper(x); y = char.ToUpper(y); }
                if (x != y) return x - y;
            }
            return la - lb;
        }

        public bool Equals(string value, StringComparison comparison) => Equals(this, value, comparison);

        public static bool Equals(string a, string b, StringComparison comparison)
        {
            if (!IgnoresCase(comparison)) return Equals(a, b);
            if ((object)a == null || (object)b == null) return (object)a == (object)b;
            return a._stringLength == b._stringLength && Compare(a, b, comparison) == 0;
        }

        public bool StartsWith(string value, StringComparison comparison)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            return value._stringLength <= _stringLength && CompareRange(this, 0, value, 0, value._stringLength, IgnoresCase(comparison)) == 0;
        }

        public bool EndsWith(string value, StringComparison comparison)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            int off = _stringLength - value._stringLength;
            return off >= 0 && CompareRange(this, off, value, 0, value._stringLength, IgnoresCase(comparison)) == 0;
        }

        private static bool IgnoresCase(StringComparison c) => ((int)c & 1) != 0;
    }
}
