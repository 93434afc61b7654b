using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>HashSet: distinct adds, removal, set algebra, enumeration.</summary>
    public static class HashSets
    {
        public static int Main()
        {
            var s = new HashSet<int>();
            if (!s.Add(1) || !s.Add(2) || s.Add(1)) return 1;
            if (s.Count != 2 || !s.Contains(2) || s.Contains(3)) return 2;
            s.UnionWith(new List<int> { 2, 3, 4 });
            if (s.Count != 4) return 3;
            s.ExceptWith(new List<int> { 1 });
            s.IntersectWith(new List<int> { 2, 4, 9 });
            int sum = 0;
            foreach (int x in s) sum += x;
            if (sum != 6 || s.Count != 2) return 4;
            if (!s.SetEquals(new List<int> { 4, 2 }) || !s.IsSubsetOf(new List<int> { 1, 2, 4 })) return 5;
            if (!s.Overlaps(new List<int> { 9, 4 }) || s.Overlaps(new List<int> { 7 })) return 6;
            var words = new HashSet<string> { "a", "b", "a" };
            if (words.Count != 2 || !words.Remove("a") || words.Remove("a")) return 7;
            return 100;
        }
    }
}
