using System.Collections;
using System.Collections.Generic;

namespace Conformance.Iterators
{
    /// <summary>Hand-written IEnumerable/IEnumerator, pattern-based foreach on a struct enumerator, and enumerating twice.</summary>
    public static class CustomEnumerables
    {
        private sealed class Countdown : IEnumerable<int>
        {
            private readonly int _from;
            public Countdown(int from) { _from = from; }
            public IEnumerator<int> GetEnumerator() => new E(_from);
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            private sealed class E : IEnumerator<int>
            {
                private int _n;
                public E(int n) { _n = n + 1; }
                public int Current => _n;
                object IEnumerator.Current => _n;
                public bool MoveNext() => --_n > 0;
                public void Reset() { }
                public void Dispose() { }
            }
        }

        private struct Evens
        {
            public int Limit;
            public Evens GetEnumerator() => this;
            private int _i;
            public int Current => _i;
            public bool MoveNext() { _i += 2; return _i <= Limit; }
        }

        private sealed class Bag : IEnumerable<string>
        {
            private readonly List<string> _items = new List<string>();
            public void Add(string s) => _items.Add(s);
            public IEnumerator<string> GetEnumerator() { foreach (var s in _items) yield return s.ToUpperInvariant(); }
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        public static int Main()
        {
            string s = "";
            var c = new Countdown(3);
            foreach (int x in c) s += x;
            foreach (int x in c) s += x;
            if (s != "321321") return 1;
            int sum = 0;
            foreach (int x in new Evens { Limit = 10 }) sum += x;
            if (sum != 30) return 2;
            var bag = new Bag { "a", "b" };
            string all = "";
            foreach (var x in bag) all += x;
            if (all != "AB") return 3;
            return 100;
        }
    }
}
