using System.Collections.Generic;

namespace Conformance.Iterators
{
    /// <summary>Generic iterators over value and reference types, pairs, and iterators capturing parameters and this.</summary>
    public static class GenericIterators
    {
        private static IEnumerable<(T, U)> Zip<T, U>(IEnumerable<T> a, IEnumerable<U> b)
        {
            using var ea = a.GetEnumerator();
            using var eb = b.GetEnumerator();
            while (ea.MoveNext() && eb.MoveNext()) yield return (ea.Current, eb.Current);
        }

        private static IEnumerable<T> Repeat<T>(T value, int n) { for (int i = 0; i < n; i++) yield return value; }

        private sealed class Range
        {
            private readonly int _lo, _hi;
            public Range(int lo, int hi) { _lo = lo; _hi = hi; }
            public IEnumerable<int> Items() { for (int i = _lo; i < _hi; i++) yield return i; }
        }

        public static int Main()
        {
            string s = "";
            foreach (var (n, w) in Zip(new List<int> { 1, 2, 3 }, new List<string> { "a", "b" })) s += n + w;
            if (s != "1a2b") return 1;
            double total = 0;
            foreach (var d in Repeat(1.5, 4)) total += d;
            if (total != 6.0) return 2;
            string r = "";
            foreach (var x in Repeat("ab", 2)) r += x;
            if (r != "abab") return 3;
            int sum = 0;
            foreach (int i in new Range(3, 6).Items()) sum += i;
            if (sum != 12) return 4;
            return 100;
        }
    }
}
