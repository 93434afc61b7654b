using System;
using System.Collections.Generic;

namespace Conformance.Generics
{
    /// <summary>Covariant and contravariant interfaces and delegates.</summary>
    public static class Variance
    {
        private interface IProducer<out T> { T Make(); }
        private interface IConsumer<in T> { string Take(T v); }
        private sealed class StringMaker : IProducer<string> { public string Make() => "made"; }
        private sealed class ObjectTaker : IConsumer<object> { public string Take(object v) => "took " + v; }

        public static int Main()
        {
            IProducer<object> p = new StringMaker();
            if ((string)p.Make() != "made") return 1;
            IConsumer<string> c = new ObjectTaker();
            if (c.Take("s") != "took s") return 2;
            Func<string> fs = () => "f";
            Func<object> fo = fs;
            if ((string)fo() != "f") return 3;
            Action<object> ao = o => { };
            Action<string> as_ = ao;
            as_("x");
            IEnumerable<object> objs = new List<string> { "a", "b" };
            int n = 0;
            foreach (var o in objs) n += ((string)o).Length;
            if (n != 2) return 4;
            if (!(p is IProducer<object>) || !(c is IConsumer<string>)) return 5;
            return 100;
        }
    }
}
