using System;
using System.Collections.Generic;

namespace Conformance.Arrays
{
    /// <summary>Array.Sort with the default order, an IComparer, a Comparison and keys/items; BinarySearch.</summary>
    public static class SortAndSearch
    {
        private sealed class Descending : IComparer<int> { public int Compare(int x, int y) => y.CompareTo(x); }

        public static int Main()
        {
            int[] a = { 5, 3, 9, 1, 7 };
            Array.Sort(a);
            if (a[0] != 1 || a[4] != 9) return 1;
            if (Array.BinarySearch(a, 7) != 3) return 2;
            if (Array.BinarySearch(a, 4) != ~2) return 3;
            Array.Sort(a, new Descending());
            if (a[0] != 9 || a[4] != 1) return 4;
            if (Array.BinarySearch(a, 3, new Descending()) != 3) return 5;
            string[] s = { "pear", "fig", "apple" };
            Array.Sort(s, (x, y) => x.Length - y.Length);
            if (s[0] != "fig" || s[2] != "apple") return 6;
            Array.Sort(s, string.CompareOrdinal);
            if (s[0] != "apple" || s[2] != "pear") return 7;
            int[] keys = { 3, 1, 2 };
            char[] items = { 'c', 'a', 'b' };
            Array.Sort(keys, items);
            if (new string(items) != "abc") return 8;
            int[] part = { 9, 8, 7, 6, 5 };
            Array.Sort(part, 1, 3);
            if (part[0] != 9 || part[1] != 6 || part[3] != 8) return 9;
            Array.Sort(s);
            if (s[1] != "fig") return 10;
            return 100;
        }
    }
}
