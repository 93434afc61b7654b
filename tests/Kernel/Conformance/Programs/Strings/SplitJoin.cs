using System;
using System.Collections.Generic;

namespace Conformance.Strings
{
    /// <summary>Split on chars, strings, with options and counts; Join over arrays, lists and objects.</summary>
    public static class SplitJoin
    {
        public static int Main()
        {
            var a = "a,b,,c".Split(',');
            if (a.Length != 4 || a[2] != "" || a[3] != "c") return 1;
            var b = "a,b;;c".Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries);
            if (b.Length != 3 || b[2] != "c") return 2;
            var c = "one::two::three".Split("::");
            if (c.Length != 3 || c[1] != "two") return 3;
            var d = " x , y ".Split(',', StringSplitOptions.TrimEntries);
            if (d[0] != "x" || d[1] != "y") return 4;
            var e = "k=v=w".Split('=', 2);
            if (e.Length != 2 || e[1] != "v=w") return 5;
            var f = "a b\tc".Split();
            if (f.Length != 3 || f[2] != "c") return 6;
            if (string.Join(", ", new[] { "x", "y", "z" }) != "x, y, z") return 7;
            if (string.Join("-", new List<int> { 1, 2, 3 }) != "1-2-3") return 8;
            if (string.Join('/', "p", "q") != "p/q") return 9;
            if (string.Join("+", new object[] { 1, "s", null }) != "1+s+") return 10;
            if (string.Join(",", new string[0]) != "") return 11;
            if (string.Concat(new List<string> { "a", "b" }) != "ab") return 12;
            return 100;
        }
    }
}
