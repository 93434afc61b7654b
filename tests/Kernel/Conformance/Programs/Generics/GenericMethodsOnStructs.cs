using System;
using System.Collections.Generic;

namespace Conformance.Generics
{
    /// <summary>Generic methods called on struct receivers and with struct type arguments, specialised per instantiation.</summary>
    public static class GenericMethodsOnStructs
    {
        private struct Holder<T> { public T Value; public U Map<U>(Func<T, U> f) => f(Value); public Holder<U> With<U>(U u) => new Holder<U> { Value = u }; }

        public static int Main()
        {
            var h = new Holder<int> { Value = 21 };
            if (h.Map(v => v * 2) != 42) return 1;
            if (h.Map(v => v.ToString()) != "21") return 2;
            var s = h.With("s");
            if (s.Value != "s" || s.Map(x => x.Length) != 1) return 3;
            var d = h.With(2.5).Map(x => x * 2);
            if (d != 5.0) return 4;
            return 100;
        }
    }
}
