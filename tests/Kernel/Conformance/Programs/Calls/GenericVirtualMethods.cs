namespace Conformance.Calls
{
    /// <summary>Generic virtual methods and generic interface methods, over reference and value type arguments.</summary>
    public static class GenericVirtualMethods
    {
        private class Box
        {
            public virtual string Wrap<T>(T value) => "box(" + value.ToString() + ")";
        }
        private sealed class Crate : Box
        {
            public override string Wrap<T>(T value) => "crate(" + value.ToString() + ")";
        }
        private interface IConvert { TOut Convert<TIn, TOut>(TIn v, TOut fallback); }
        private sealed class Keep : IConvert
        {
            public TOut Convert<TIn, TOut>(TIn v, TOut fallback) => v is TOut o ? o : fallback;
        }

        public static int Main()
        {
            Box b = new Crate();
            if (b.Wrap(5) != "crate(5)") return 1;
            if (b.Wrap("s") != "crate(s)") return 2;
            if (new Box().Wrap(2L) != "box(2)") return 3;
            IConvert c = new Keep();
            if (c.Convert<int, int>(3, 0) != 3) return 4;
            if (c.Convert<string, int>("x", 7) != 7) return 5;
            if (c.Convert<string, object>("y", null) as string != "y") return 6;
            return 100;
        }
    }
}
