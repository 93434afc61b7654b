using System;

namespace Conformance.Boxing
{
    /// <summary>isinst/castclass on boxed values, interfaces of boxed structs, pattern matching on object.</summary>
    public static class TypeTests
    {
        private interface IShape { int Area(); }
        private struct Sq : IShape { public int S; public int Area() => S * S; }

        public static int Main()
        {
            object[] things = { 1, "s", 2.0, new Sq { S = 3 }, null, 'c', 5L };
            int ints = 0, strings = 0, shapes = 0, nulls = 0;
            foreach (var t in things)
            {
                if (t is int) ints++;
                if (t is string) strings++;
                if (t is IShape s) shapes += s.Area();
                if (t == null) nulls++;
            }
            if (ints != 1 || strings != 1 || shapes != 9 || nulls != 1) return 1;
            if (things[6] is int) return 2;
            if (!(things[3] is ValueType) || things[1] is ValueType) return 3;
            if (things[0] as string != null) return 4;
            IComparable<int> cmp = 5;
            if (cmp.CompareTo(3) <= 0) return 5;
            IEquatable<string> eq = "a";
            if (!eq.Equals("a")) return 6;
            return 100;
        }
    }
}
