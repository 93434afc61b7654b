using System;
using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>KeyValuePair construction and deconstruction, and dictionaries enumerated into lists.</summary>
    public static class KeyValuePairs
    {
        public static int Main()
        {
            var kv = new KeyValuePair<string, int>("k", 3);
            var (k, v) = kv;
            if (k != "k" || v != 3 || kv.Key != "k") return 1;
            var d = new Dictionary<int, string> { [2] = "two", [1] = "one" };
            var keys = new List<int>();
            foreach (var (key, _) in d) keys.Add(key);
            keys.Sort((x, y) => x - y);
            if (keys.Count != 2 || keys[0] != 1) return 2;
            return 100;
        }
    }
}
