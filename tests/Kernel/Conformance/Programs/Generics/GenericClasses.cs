namespace Conformance.Generics
{
    /// <summary>Generic classes over value and reference types, nested generics, per-instantiation statics.</summary>
    public static class GenericClasses
    {
        private sealed class Cell<T> { public T Value; public static int Made; public Cell(T v) { Value = v; Made++; } }
        private sealed class Pair<A, B> { public A First; public B Second; }

        public static int Main()
        {
            var ci = new Cell<int>(4);
            var cs = new Cell<string>("s");
            new Cell<int>(5);
            if (Cell<int>.Made != 2 || Cell<string>.Made != 1 || Cell<long>.Made != 0) return 1;
            if (ci.Value + cs.Value.Length != 5) return 2;
            var p = new Pair<Cell<double>, Pair<byte, string>> { First = new Cell<double>(1.5), Second = new Pair<byte, string> { First = 7, Second = "n" } };
            if (p.First.Value != 1.5 || p.Second.First != 7 || p.Second.Second != "n") return 3;
            return 100;
        }
    }
}
