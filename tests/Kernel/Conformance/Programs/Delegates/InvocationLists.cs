using System;

namespace Conformance.Delegates
{
    /// <summary>Multicast corners: GetInvocationList, removing a sub-list, Combine with null, equality of combined delegates, Target of the last.</summary>
    public static class InvocationLists
    {
        private static string s_log = "";
        private static void A() => s_log += "a";
        private static void B() => s_log += "b";
        private static void C() => s_log += "c";

        private sealed class Counter
        {
            public int Hits;
            public int Hit(int x) { Hits++; return x + Hits; }
        }

        public static int Main()
        {
            Action a = A, b = B, c = C;
            Action abc = a + b + c;
            Delegate[] list = abc.GetInvocationList();
            if (list.Length != 3 || !list[0].Equals(a) || !list[2].Equals(c)) return 1;
            if (a.GetInvocationList().Length != 1) return 2;

            Action ac = abc - b;                       // removes from the middle
            s_log = "";
            ac();
            if (s_log != "ac") return 3;
            Action abcab = abc + (a + b);
            Action rest = abcab - (a + b);             // removes the last occurrence of the sub-list
            s_log = "";
            rest();
            if (s_log != "abc") return 4;
            if (abc - (c + a) != abc) return 5;        // not a contiguous sub-list: unchanged

            if ((Action)Delegate.Combine(null, a) != a || (Action)Delegate.Combine(a, null) != a) return 6;
            if (Delegate.Combine(null, null) != null) return 7;
            if (!(a + b).Equals(a + b) || (a + b) == (b + a)) return 8;
            if ((a + b + c) != (a + (b + c))) return 9;

            var first = new Counter();
            var last = new Counter();
            Func<int, int> f = first.Hit;
            f += last.Hit;
            f += last.Hit;
            if (f(10) != 12) return 10;                // the last target's result
            if (first.Hits != 1 || last.Hits != 2) return 11;
            if (f.Target != last) return 12;

            Action same = a;
            same += a;
            same -= a;
            s_log = "";
            same();
            if (s_log != "a") return 13;
            Action all = (Action)Delegate.RemoveAll(a + b + a + a, a);
            s_log = "";
            all();
            if (s_log != "b") return 14;
            return 100;
        }
    }
}
