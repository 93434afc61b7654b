using System;

namespace Conformance.Strings
{
    /// <summary>IndexOf/LastIndexOf/IndexOfAny/Contains/StartsWith/EndsWith in their common overloads.</summary>
    public static class Searching
    {
        public static int Main()
        {
            string s = "abracadabra";
            if (s.IndexOf('a') != 0 || s.IndexOf('a', 1) != 3 || s.IndexOf('z') != -1) return 1;
            if (s.IndexOf("bra") != 1 || s.IndexOf("bra", 2) != 8 || s.IndexOf("") != 0) return 2;
            if (s.LastIndexOf('a') != 10 || s.LastIndexOf("abra") != 7) return 3;
            if (s.IndexOfAny(new[] { 'c', 'd' }) != 4 || s.LastIndexOfAny(new[] { 'c', 'd' }) != 6) return 4;
            if (!s.Contains("cad") || s.Contains("dac") || !s.Contains('d')) return 5;
            if (!s.StartsWith("abr") || !s.EndsWith("bra") || s.StartsWith("bra")) return 6;
            if (s.IndexOf("ABRA", StringComparison.OrdinalIgnoreCase) != 0) return 7;
            if (s.IndexOf('a', 4, 2) != 5 || s.IndexOf('a', 6, 1) != -1) return 8;
            if (!s.StartsWith('a') || !s.EndsWith('a')) return 9;
            if (s.LastIndexOf('b', 7) != 1) return 10;
            return 100;
        }
    }
}
