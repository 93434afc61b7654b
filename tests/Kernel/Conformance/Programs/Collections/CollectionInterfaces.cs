using System;
using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>List, HashSet, LinkedList and Stack used through IEnumerable and ICollection.</summary>
    public static class CollectionInterfaces
    {
        private static int Count<T>(IEnumerable<T> xs) { int n = 0; foreach (var _ in xs) n++; return n; }
        private static void AddTo(ICollection<int> c, int v) => c.Add(v);

        public static int Main()
        {
            var list = new List<int> { 1, 2 };
            var set = new HashSet<int> { 1, 2, 2 };
            var linked = new LinkedList<int>();
            AddTo(list, 3); AddTo(set, 3); AddTo(linked, 3);
            if (Count(list) != 3 || Count(set) != 3 || Count(linked) != 1) return 1;
            if (Count(new Stack<string>(new List<string> { "a", "b" })) != 2) return 2;
            if (((ICollection<int>)set).Count != 3 || !((ICollection<int>)linked).Contains(3)) return 3;
            return 100;
        }
    }
}
