namespace Conformance.Structs
{
    /// <summary>Structs implementing interfaces: constrained calls in generics mutate in place, boxed calls mutate the box.</summary>
    public static class StructInterfaces
    {
        private interface ICounter { int Increment(); }
        private struct Counter : ICounter { public int N; public int Increment() => ++N; }

        private static int Twice<T>(ref T c) where T : ICounter { c.Increment(); return c.Increment(); }

        public static int Main()
        {
            var c = new Counter();
            if (Twice(ref c) != 2 || c.N != 2) return 1;
            ICounter boxed = c;
            boxed.Increment();
            if (c.N != 2) return 2;
            if (((Counter)boxed).N != 3) return 3;
            var arr = new Counter[1];
            Twice(ref arr[0]);
            if (arr[0].N != 2) return 4;
            return 100;
        }
    }
}
