using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>Dictionary: add, overwrite, TryGetValue, Remove, struct and string keys, counting words.</summary>
    public static class Dictionaries
    {
        private struct Key { public int A, B; }

        public static int Main()
        {
            var counts = new Dictionary<string, int>();
            foreach (var w in "the cat and the hat and the bat".Split(' '))
                counts[w] = counts.TryGetValue(w, out int c) ? c + 1 : 1;
            if (counts["the"] != 3 || counts["and"] != 2 || counts.Count != 5) return 1;
            if (!counts.Remove("cat") || counts.ContainsKey("cat")) return 2;
            var byKey = new Dictionary<Key, string>();
            byKey[new Key { A = 1, B = 2 }] = "x";
            if (!byKey.TryGetValue(new Key { A = 1, B = 2 }, out var v) || v != "x") return 3;
            if (byKey.ContainsKey(new Key { A = 2, B = 1 })) return 4;
            var big = new Dictionary<int, int>();
            for (int i = 0; i < 1000; i++) big.Add(i, i * i);
            for (int i = 0; i < 1000; i += 2) big.Remove(i);
            long sum = 0;
            foreach (var kv in big) sum += kv.Value - kv.Key * kv.Key;
            if (big.Count != 500 || sum != 0 || !big.TryAdd(0, 0) || big.TryAdd(1, 1)) return 5;
            return 100;
        }
    }
}
