namespace Conformance.Strings
{
    /// <summary>char classification and conversion, and strings as char sequences.</summary>
    public static class Chars
    {
        public static int Main()
        {
            if (!char.IsDigit('7') || char.IsDigit('x')) return 1;
            if (!char.IsLetter('q') || char.IsLetter('1')) return 2;
            if (!char.IsWhiteSpace('\t') || char.IsWhiteSpace('_')) return 3;
            if (char.ToUpper('a') != 'A' || char.ToLower('Z') != 'z' || char.ToUpper('1') != '1') return 4;
            if (!char.IsUpper('Q') || !char.IsLower('q')) return 5;
            int digits = 0;
            foreach (char c in "a1b22c333".ToCharArray()) if (char.IsDigit(c)) digits += c - '0';
            if (digits != 14) return 6;
            if ((int)'A' != 65 || (char)97 != 'a') return 7;
            if ('a'.CompareTo('b') >= 0 || !'x'.Equals('x')) return 8;
            if ('z'.ToString() != "z") return 9;
            return 100;
        }
    }
}
