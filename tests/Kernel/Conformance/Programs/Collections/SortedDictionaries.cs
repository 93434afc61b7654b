using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>SortedDictionary: enumeration in key order whatever the insertion order, custom comparers, updates.</summary>
    public static class SortedDictionaries
    {
        private sealed class Reverse : IComparer<string> { public int Compare(string a, string b) => string.CompareOrdinal(b, a); }

        public static int Main()
        {
            var d = new SortedDictionary<int, string>();
            foreach (int k in new[] { 5, 1, 9, 3, 7 }) d.Add(k, "v" + k);
            string order = "";
            foreach (var kv in d) order += kv.Key;
            if (order != "13579") return 1;
            if (d[9] != "v9" || !d.ContainsKey(3) || d.ContainsKey(4)) return 2;
            d[4] = "four";
            d[5] = "five";
            if (d.Count != 6 || d[5] != "five") return 3;
            if (!d.Remove(1) || d.Remove(1)) return 4;
            if (!d.TryGetValue(4, out var v) || v != "four" || d.TryGetValue(2, out _)) return 5;
            var r = new SortedDictionary<string, int>(new Reverse()) { ["a"] = 1, ["c"] = 3, ["b"] = 2 };
            string keys = "";
            foreach (var kv in r) keys += kv.Key;
            if (keys != "cba") return 6;
            return 100;
        }
    }
}
