namespace Conformance.Strings
{
    /// <summary>Trim/TrimStart/TrimEnd with and without chars, Replace of chars and strings, Insert, Remove, case.</summary>
    public static class TrimReplace
    {
        public static int Main()
        {
            if ("  hi \t\n".Trim() != "hi") return 1;
            if ("xxhixx".Trim('x') != "hi") return 2;
            if ("-+a+-".Trim('-', '+') != "a") return 3;
            if ("  a ".TrimStart() != "a " || "  a ".TrimEnd() != "  a") return 4;
            if ("00120".TrimStart('0') != "120" || "1.500".TrimEnd('0') != "1.5") return 5;
            if ("a-b-c".Replace('-', '+') != "a+b+c") return 6;
            if ("the cat sat".Replace("at", "og") != "the cog sog") return 7;
            if ("aaa".Replace("a", "") != "" || "abc".Replace("x", "y") != "abc") return 8;
            if ("hello".Insert(2, "XX") != "heXXllo") return 9;
            if ("hello".Remove(1, 3) != "ho" || "hello".Remove(3) != "hel") return 10;
            if ("MiXeD 1!".ToUpperInvariant() != "MIXED 1!" || "MiXeD".ToLowerInvariant() != "mixed") return 11;
            if ("".Trim() != "" || "   ".Trim().Length != 0) return 12;
            if (!string.IsNullOrWhiteSpace(" \t") || string.IsNullOrWhiteSpace(" a")) return 13;
            return 100;
        }
    }
}
