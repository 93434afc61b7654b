namespace Conformance.Strings
{
    /// <summary>foreach over a string: every char in order, the empty string, surrogates as two chars; a string is IEnumerable&lt;char&gt;.</summary>
    public static class ForeachChars
    {
        public static int Main()
        {
            string s = "h\u00e9llo";
            string copy = "";
            foreach (char c in s) copy += c;
            if (copy != s) return 1;
            int n = 0;
            foreach (char c in "") n++;
            if (n != 0) return 2;
            int sum = 0;
            foreach (var c in "\uD83D\uDE00a") sum++;
            if (sum != 3) return 3;
            int vowels = 0;
            foreach (char c in "conformance") if (c == 'o' || c == 'a' || c == 'e') vowels++;
            if (vowels != 4) return 4;
            System.Collections.Generic.IEnumerable<char> chars = "xyz";   // through the interface
            string back = "";
            foreach (char c in chars) back = c + back;
            if (back != "zyx") return 5;
            var e = "ab".GetEnumerator();
            if (!e.MoveNext() || e.Current != 'a' || !e.MoveNext() || e.Current != 'b' || e.MoveNext()) return 6;
            return 100;
        }
    }
}
