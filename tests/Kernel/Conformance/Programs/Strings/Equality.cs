using System;
using System.Collections.Generic;

namespace Conformance.Strings
{
    /// <summary>String equality is by value: literals, built strings, substrings, and Equals/== with nulls.</summary>
    public static class Equality
    {
        public static int Main()
        {
            string a = "hello", b = "hel" + "lo".ToString(), c = "say hello".Substring(4);
            if (a != b || a != c || !a.Equals(c) || !string.Equals(b, c)) return 1;
            if ((object)a == (object)b && b.Length == 0) return 2;
            string n = null;
            if (n == a || a == n || !(n == null) || string.Equals(a, null)) return 3;
            if (a.GetHashCode() != c.GetHashCode()) return 4;
            var d = new Dictionary<string, int> { [a] = 1 };
            if (!d.ContainsKey(c)) return 5;
            return 100;
        }
    }
}
