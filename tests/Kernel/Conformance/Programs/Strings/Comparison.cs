using System;
using System.Collections.Generic;

namespace Conformance.Strings
{
    /// <summary>string as IComparable/IEquatable, Compare, CompareOrdinal (signs only), equality with a StringComparison.</summary>
    public static class Comparison
    {
        private static int Sign(int x) => x < 0 ? -1 : x > 0 ? 1 : 0;
        private static int CompareVia<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b);
        private static bool EqualVia<T>(T a, T b) where T : IEquatable<T> => a.Equals(b);

        public static int Main()
        {
            if (Sign(string.CompareOrdinal("abc", "abd")) != -1) return 1;
            if (Sign(string.CompareOrdinal("b", "abc")) != 1) return 2;
            if (string.CompareOrdinal("same", "same") != 0) return 3;
            if (Sign(string.CompareOrdinal("ab", "abc")) != -1) return 4;
            if (Sign(string.CompareOrdinal(null, "a")) != -1 || Sign(string.CompareOrdinal("a", null)) != 1) return 5;
            if (Sign(string.Compare("apple", "banana", StringComparison.Ordinal)) != -1) return 6;
            if (string.Compare("HeLLo", "hello", StringComparison.OrdinalIgnoreCase) != 0) return 7;
            if (!string.Equals("ABC", "abc", StringComparison.OrdinalIgnoreCase) || string.Equals("ABC", "abc")) return 8;
            if (Sign(CompareVia("x", "y")) != -1 || !EqualVia("q", "q")) return 9;
            if (Sign(string.CompareOrdinal("xabcx", 1, "zabcz", 1, 3)) != 0) return 10;
            if (Comparer<string>.Default.Compare("b", "a") <= 0) return 11;
            if (!"Hello".StartsWith("hE", StringComparison.OrdinalIgnoreCase)) return 12;
            return 100;
        }
    }
}
