using System;
using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>ICollection&lt;T&gt;.CopyTo and IsReadOnly on every collection and on arrays, and
    /// IReadOnlyCollection&lt;T&gt; (covariant) on the collections that are one in .NET.</summary>
    public static class CollectionCopies
    {
        private static int Sum(ICollection<int> c)
        {
            var copy = new int[c.Count + 2];
            c.CopyTo(copy, 1);
            if (copy[0] != 0 || copy[copy.Length - 1] != 0) return -1;
            int sum = 0;
            foreach (int x in copy) sum += x;
            return sum;
        }

        private static int CountOf<T>(IReadOnlyCollection<T> c) => c.Count;

        public static int Main()
        {
            var list = new List<int> { 1, 2, 3 };
            var set = new HashSet<int> { 4, 5 };
            var linked = new LinkedList<int>();
            linked.AddLast(6); linked.AddLast(7);
            int[] array = { 8, 9 };
            if (Sum(list) != 6 || Sum(set) != 9 || Sum(linked) != 13 || Sum(array) != 17) return 1;

            if (((ICollection<int>)list).IsReadOnly || ((ICollection<int>)set).IsReadOnly || ((ICollection<int>)linked).IsReadOnly) return 2;
            if (!((ICollection<int>)array).IsReadOnly) return 3;     // fixed size, as .NET says

            var queue = new Queue<string>(); queue.Enqueue("a"); queue.Enqueue("b");
            var stack = new Stack<string>(); stack.Push("c");
            var words = new Dictionary<string, int> { ["x"] = 1, ["y"] = 2, ["z"] = 3 };
            if (CountOf(list) != 3 || CountOf(set) != 2 || CountOf(linked) != 2 || CountOf(array) != 2) return 4;
            if (CountOf(queue) != 2 || CountOf(stack) != 1 || CountOf(words) != 3) return 5;

            IReadOnlyCollection<object> covariant = queue;           // IReadOnlyCollection<out T>
            if (covariant.Count != 2) return 6;
            IReadOnlyList<object> strings = new[] { "p", "q", "r" };
            if (strings.Count != 3 || (string)strings[2] != "r") return 7;

            bool threw = false;
            try { list.CopyTo(new int[3], 1); }
            catch (ArgumentException) { threw = true; }
            if (!threw) return 8;
            return 100;
        }
    }
}
