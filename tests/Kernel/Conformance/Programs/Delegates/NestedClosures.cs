using System;

namespace Conformance.Delegates
{
    /// <summary>Closures inside closures, lambdas returning lambdas (currying) and capturing this.</summary>
    public static class NestedClosures
    {
        private sealed class Acc
        {
            private int _total;
            public Func<int, int> Adder() => x => _total += x;
        }

        public static int Main()
        {
            Func<int, Func<int, int>> add = a => b => a + b;
            if (add(3)(4) != 7) return 1;
            var add10 = add(10);
            if (add10(1) != 11 || add10(5) != 15) return 2;
            int outer = 1;
            Func<Func<int>> make = () => { int inner = 2; return () => outer * 100 + inner++; };
            var f = make();
            if (f() != 102 || f() != 103) return 3;
            outer = 2;
            if (f() != 204) return 4;
            var acc = new Acc();
            var a1 = acc.Adder();
            a1(5);
            if (acc.Adder()(1) != 6) return 5;
            return 100;
        }
    }
}
