using System;
using System.Collections.Generic;

namespace Conformance.Boxing
{
    /// <summary>Value types through IComparable, IEquatable and object: Equals of boxed values compares values.</summary>
    public static class BoxedInterfaces
    {
        public static int Main()
        {
            object a = 5, b = 5, c = 6L;
            if (a == b) return 1;                        // two boxes: different references
            if (!a.Equals(b) || a.Equals(c)) return 2;
            IComparable<int> x = 3;
            if (x.CompareTo(4) >= 0) return 3;
            object s = (short)-2;
            if ((short)s != -2 || s.GetHashCode() != ((short)-2).GetHashCode()) return 4;
            object t = (1, "a");
            if (!t.Equals((1, "a"))) return 5;
            return 100;
        }
    }
}
