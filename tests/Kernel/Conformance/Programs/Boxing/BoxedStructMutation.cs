using System;
using System.Collections.Generic;

namespace Conformance.Boxing
{
    /// <summary>Mutating a boxed struct through an interface changes the box only; unboxing copies.</summary>
    public static class BoxedStructMutation
    {
        private interface ICounter { void Inc(); int Get(); }
        private struct Ctr : ICounter { public int N; public void Inc() => N++; public int Get() => N; }

        public static int Main()
        {
            var c = new Ctr();
            ICounter boxed = c;
            boxed.Inc(); boxed.Inc();
            if (boxed.Get() != 2 || c.N != 0) return 1;
            var copy = (Ctr)boxed;
            copy.Inc();
            if (boxed.Get() != 2 || copy.N != 3) return 2;
            var list = new List<ICounter> { c, c };
            list[0].Inc();
            if (list[0].Get() != 1 || list[1].Get() != 0) return 3;
            return 100;
        }
    }
}
