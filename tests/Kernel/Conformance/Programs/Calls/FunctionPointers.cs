namespace Conformance.Calls
{
    /// <summary>ldftn/calli: managed function pointers to static methods, generic instantiations, passed and stored.</summary>
    public static unsafe class FunctionPointers
    {
        private static int Twice(int x) => x * 2;
        private static int Square(int x) => x * x;
        private static T Id<T>(T x) => x;
        private static int Apply(delegate*<int, int> f, int v) => f(v);

        public static int Main()
        {
            delegate*<int, int> f = &Twice;
            if (f(21) != 42) return 1;
            if (Apply(&Square, 9) != 81) return 2;
            delegate*<int, int>[] table = { &Twice, &Square };
            if (table[1](table[0](3)) != 36) return 3;
            delegate*<string, string> g = &Id<string>;
            if (g("z") != "z") return 4;
            delegate*<long, long> h = &Id<long>;
            if (h(1L << 40) != 1L << 40) return 5;
            if (f == (delegate*<int, int>)&Square) return 6;
            return 100;
        }
    }
}
