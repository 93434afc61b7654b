using System;
using System.Collections.Generic;

namespace Conformance.Iterators
{
    /// <summary>yield return over dictionaries, sets and nested lists, flattening and filtering.</summary>
    public static class IteratorsOverCollections
    {
        private static IEnumerable<T> Flatten<T>(List<List<T>> xss) { foreach (var xs in xss) foreach (var x in xs) yield return x; }
        private static IEnumerable<string> Keys(Dictionary<string, int> d, int min) { foreach (var kv in d) if (kv.Value >= min) yield return kv.Key; }

        public static int Main()
        {
            var lists = new List<List<int>> { new List<int> { 1, 2 }, new List<int>(), new List<int> { 3 } };
            int sum = 0;
            foreach (var x in Flatten(lists)) sum += x;
            if (sum != 6) return 1;
            var d = new Dictionary<string, int> { ["a"] = 1, ["b"] = 5, ["c"] = 9 };
            var set = new HashSet<string>(Keys(d, 5));
            if (set.Count != 2 || !set.Contains("c") || set.Contains("a")) return 2;
            return 100;
        }
    }
}
