using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>LinkedList: adds at both ends and around nodes, removal by value and node, enumeration.</summary>
    public static class LinkedLists
    {
        private static string Show(LinkedList<int> l) { string s = ""; foreach (int x in l) s += x; return s; }

        public static int Main()
        {
            var l = new LinkedList<int>();
            l.AddLast(2);
            l.AddFirst(1);
            var four = l.AddLast(4);
            l.AddBefore(four, 3);
            l.AddAfter(four, 5);
            if (Show(l) != "12345" || l.Count != 5) return 1;
            if (l.First.Value != 1 || l.Last.Value != 5 || l.First.Next.Value != 2 || four.Previous.Value != 3) return 2;
            l.Remove(four);
            if (!l.Remove(1) || l.Remove(42)) return 3;
            if (Show(l) != "235") return 4;
            l.RemoveFirst(); l.RemoveLast();
            if (Show(l) != "3" || l.First != l.Last) return 5;
            if (l.Find(3) == null || l.Find(9) != null || !l.Contains(3)) return 6;
            l.Clear();
            if (l.Count != 0 || l.First != null) return 7;
            return 100;
        }
    }
}
