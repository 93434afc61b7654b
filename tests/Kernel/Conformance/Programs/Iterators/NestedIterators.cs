using System.Collections.Generic;

namespace Conformance.Iterators
{
    /// <summary>Iterators consuming iterators: filter, map, take, recursion over a tree.</summary>
    public static class NestedIterators
    {
        private sealed class Tree { public int V; public Tree L, R; }

        private static IEnumerable<int> Naturals() { for (int i = 1; ; i++) yield return i; }
        private static IEnumerable<int> Where(IEnumerable<int> xs, System.Func<int, bool> p) { foreach (var x in xs) if (p(x)) yield return x; }
        private static IEnumerable<T> Take<T>(IEnumerable<T> xs, int n) { if (n <= 0) yield break; foreach (var x in xs) { yield return x; if (--n == 0) yield break; } }
        private static IEnumerable<string> Map(IEnumerable<int> xs) { foreach (var x in xs) yield return "<" + x + ">"; }

        private static IEnumerable<int> InOrder(Tree t)
        {
            if (t == null) yield break;
            foreach (int v in InOrder(t.L)) yield return v;
            yield return t.V;
            foreach (int v in InOrder(t.R)) yield return v;
        }

        public static int Main()
        {
            string s = "";
            foreach (var x in Map(Take(Where(Naturals(), v => v % 3 == 0), 3))) s += x;
            if (s != "<3><6><9>") return 1;
            var t = new Tree { V = 4, L = new Tree { V = 2, L = new Tree { V = 1 }, R = new Tree { V = 3 } }, R = new Tree { V = 5 } };
            string order = "";
            foreach (int v in InOrder(t)) order += v;
            if (order != "12345") return 2;
            int count = 0;
            foreach (var _ in Take(Naturals(), 0)) count++;
            if (count != 0) return 3;
            return 100;
        }
    }
}
