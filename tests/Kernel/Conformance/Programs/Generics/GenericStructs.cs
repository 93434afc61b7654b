namespace Conformance.Generics
{
    /// <summary>Generic structs (shared code over references, specialised over values) and nullable generic values.</summary>
    public static class GenericStructs
    {
        private struct Opt<T>
        {
            public bool Has; public T Value;
            public static Opt<T> Some(T v) => new Opt<T> { Has = true, Value = v };
            public T Or(T fallback) => Has ? Value : fallback;
        }

        public static int Main()
        {
            if (Opt<int>.Some(3).Or(9) != 3) return 1;
            if (default(Opt<int>).Or(9) != 9) return 2;
            if (Opt<string>.Some("a").Or("b") != "a") return 3;
            if (default(Opt<string>).Or("b") != "b") return 4;
            var arr = new Opt<long>[3];
            arr[1] = Opt<long>.Some(5);
            long sum = 0;
            foreach (var o in arr) sum += o.Or(1);
            if (sum != 7) return 5;
            var nested = Opt<Opt<byte>>.Some(Opt<byte>.Some(8));
            if (nested.Value.Value != 8) return 6;
            return 100;
        }
    }
}
