using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>List: initialisers, insert/remove, sort, search, growth and enumeration through interfaces.</summary>
    public static class Lists
    {
        private static int Total(IEnumerable<int> xs) { int t = 0; foreach (int x in xs) t += x; return t; }

        public static int Main()
        {
            var l = new List<int> { 5, 3, 8 };
            l.Insert(1, 4);
            l.Add(1);
            if (l.Count != 5 || l[1] != 4) return 1;
            l.Sort((a, b) => a - b);
            if (l[0] != 1 || l[4] != 8) return 2;
            l.RemoveAt(0);
            if (!l.Remove(8) || l.Remove(42) || l.IndexOf(4) != 1 || !l.Contains(5)) return 3;
            if (Total(l) != 12) return 4;
            IList<int> il = l;
            il[0] = 10;
            if (l[0] != 10) return 5;
            var many = new List<string>();
            for (int i = 0; i < 300; i++) many.Add(i.ToString());
            if (many[299] != "299" || many.ToArray().Length != 300) return 6;
            return 100;
        }
    }
}
