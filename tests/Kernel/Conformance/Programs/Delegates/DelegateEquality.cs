using System;
using System.Collections.Generic;

namespace Conformance.Delegates
{
    /// <summary>Delegates to the same static method or the same target compare equal; Target and Method groups.</summary>
    public static class DelegateEquality
    {
        private static int F(int x) => x;
        private sealed class C { public int G(int x) => x + 1; }

        public static int Main()
        {
            Func<int, int> a = F, b = F;
            if (!a.Equals(b) || a != b) return 1;
            var c = new C();
            Func<int, int> g1 = c.G, g2 = c.G, g3 = new C().G;
            if (g1 != g2 || g1 == g3) return 2;
            if (g1.Target != c) return 3;
            return 100;
        }
    }
}
