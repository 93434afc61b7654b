using System;

namespace Conformance.Arrays
{
    /// <summary>Array.Find, FindIndex, Exists and Sort of structs with a Comparison.</summary>
    public static class ArrayFunctions
    {
        private struct Item { public string Name; public int Price; }

        public static int Main()
        {
            int[] xs = { 4, 9, 16, 25 };
            if (Array.Find(xs, x => x > 10) != 16 || Array.Find(xs, x => x > 100) != 0) return 1;
            if (Array.FindIndex(xs, x => x % 2 == 1) != 1 || Array.FindIndex(xs, x => x < 0) != -1) return 2;
            if (!Array.Exists(xs, x => x == 25) || Array.Exists(xs, x => x == 26)) return 3;
            var items = new[] { new Item { Name = "c", Price = 3 }, new Item { Name = "a", Price = 1 }, new Item { Name = "b", Price = 2 } };
            Array.Sort(items, (p, q) => p.Price - q.Price);
            if (items[0].Name != "a" || items[2].Name != "c") return 4;
            return 100;
        }
    }
}
