using System;
using System.Collections.Generic;

namespace Conformance.Iterators
{
    /// <summary>Iterators keep locals and parameters across yields, and each GetEnumerator call starts afresh.</summary>
    public static class IteratorState
    {
        private static IEnumerable<long> Fib() { long a = 0, b = 1; while (true) { yield return a; (a, b) = (b, a + b); } }
        private static IEnumerable<int> Counter(int start) { while (true) yield return start++; }

        public static int Main()
        {
            long last = 0; int n = 0;
            foreach (var f in Fib()) { last = f; if (++n == 50) break; }
            if (last != 7778742049L) return 1;
            var c = Counter(5);
            int first = 0, second = 0;
            foreach (var x in c) { first = x; break; }
            foreach (var x in c) { second = x; break; }
            if (first != 5 || second != 5) return 2;
            return 100;
        }
    }
}
