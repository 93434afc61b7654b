using System.Text;

namespace Conformance.Strings
{
    /// <summary>Concatenation, interpolation, StringBuilder, char arrays and padding.</summary>
    public static class Building
    {
        public static int Main()
        {
            int n = 42;
            string s = "n=" + n + ", half=" + (n / 2) + "!";
            if (s != "n=42, half=21!") return 1;
            if ($"{n:X}-{n:D4}|{s.Length}" != "2A-0042|14") return 2;
            var sb = new StringBuilder();
            for (int i = 0; i < 5; i++) sb.Append(i).Append(',');
            sb.Length--;
            if (sb.ToString() != "0,1,2,3,4") return 3;
            if (new string('-', 3) != "---") return 4;
            char[] cs = { 'a', 'b' };
            if (new string(cs) != "ab" || "xy".ToCharArray()[1] != 'y') return 5;
            if ("7".PadLeft(3, '0') != "007" || "7".PadRight(2) != "7 ") return 6;
            string nul = null;
            if ("a" + nul + "b" != "ab") return 7;
            if (string.Concat("a", "b", "c", "d") != "abcd") return 8;
            if ("abc".Substring(1) != "bc" || "abc".Substring(1, 1) != "b") return 9;
            return 100;
        }
    }
}
