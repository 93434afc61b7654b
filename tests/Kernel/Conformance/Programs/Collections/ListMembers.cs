using System;
using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>List&lt;T&gt;'s wider surface: construction from a sequence, ranges, searches with
    /// predicates and comparers, sorting, and the enumerator refusing a list changed under it.</summary>
    public static class ListMembers
    {
        private sealed class Descending : IComparer<int>
        {
            public int Compare(int x, int y) => y.CompareTo(x);
        }

        private static IEnumerable<int> Odds(int n)
        {
            for (int i = 1; i < 2 * n; i += 2) yield return i;
        }

        private static bool Same(List<int> list, params int[] expected)
        {
            if (list.Count != expected.Length) return false;
            for (int i = 0; i < expected.Length; i++) if (list[i] != expected[i]) return false;
            return true;
        }

        public static int Main()
        {
            var odds = new List<int>(Odds(4));                      // from an iterator
            if (!Same(odds, 1, 3, 5, 7)) return 1;
            var copy = new List<int>(odds) { 9 };                   // from another list
            if (!Same(copy, 1, 3, 5, 7, 9) || odds.Count != 4) return 2;

            copy.InsertRange(1, new[] { 2, 2 });
            if (!Same(copy, 1, 2, 2, 3, 5, 7, 9)) return 3;
            copy.AddRange(copy);                                    // itself: read before it grows
            if (copy.Count != 14 || copy[13] != 9 || copy[7] != 1) return 4;
            copy.RemoveRange(7, 7);
            if (!Same(copy, 1, 2, 2, 3, 5, 7, 9)) return 5;
            if (copy.RemoveAll(x => x % 2 == 0) != 2 || !Same(copy, 1, 3, 5, 7, 9)) return 6;

            if (copy.IndexOf(5) != 2 || copy.IndexOf(5, 3) != -1 || copy.LastIndexOf(9) != 4) return 7;
            if (copy.FindIndex(x => x > 4) != 2 || copy.FindLastIndex(x => x < 4) != 1) return 8;
            if (copy.FindLast(x => x < 6) != 5 || copy.Find(x => x > 100) != 0) return 9;
            if (!copy.Exists(x => x == 7) || copy.TrueForAll(x => x < 9) || !copy.TrueForAll(x => x % 2 == 1)) return 10;
            if (!Same(copy.FindAll(x => x > 3), 5, 7, 9)) return 11;
            if (!Same(copy.GetRange(1, 3), 3, 5, 7)) return 12;

            List<string> words = copy.ConvertAll(x => "n" + x);
            if (words.Count != 5 || words[4] != "n9") return 13;

            var mixed = new List<int> { 5, -2, 9, 0, 5, 3 };
            mixed.Sort();
            if (!Same(mixed, -2, 0, 3, 5, 5, 9)) return 14;
            if (mixed.BinarySearch(3) != 2 || mixed.BinarySearch(4) != ~3) return 15;
            mixed.Sort(new Descending());
            if (!Same(mixed, 9, 5, 5, 3, 0, -2)) return 16;
            if (mixed.BinarySearch(0, mixed.Count, 3, new Descending()) != 3) return 17;
            mixed.Reverse();
            if (!Same(mixed, -2, 0, 3, 5, 5, 9)) return 18;
            mixed.Reverse(1, 3);
            if (!Same(mixed, -2, 5, 3, 0, 5, 9)) return 19;
            mixed.Sort(1, 3, null);
            if (!Same(mixed, -2, 0, 3, 5, 5, 9)) return 20;

            var target = new int[8];
            mixed.CopyTo(target, 1);
            if (target[0] != 0 || target[1] != -2 || target[6] != 9) return 21;
            mixed.Capacity = 100;
            mixed.TrimExcess();
            if (mixed.Capacity != 6 || !Same(mixed, -2, 0, 3, 5, 5, 9)) return 22;

            bool threw = false;
            try { foreach (int x in mixed) if (x == 3) mixed.Add(4); }
            catch (InvalidOperationException) { threw = true; }
            if (!threw) return 23;

            threw = false;
            try { mixed.GetRange(5, 3); }
            catch (ArgumentException) { threw = true; }
            if (!threw) return 24;

            threw = false;
            try { mixed.Capacity = 2; }
            catch (ArgumentOutOfRangeException) { threw = true; }
            if (!threw) return 25;
            return 100;
        }
    }
}
