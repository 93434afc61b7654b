using System.Collections.Generic;

namespace Conformance.Calls
{
    /// <summary>Generic methods of interfaces: implemented by classes (implicitly, explicitly, virtually and overridden), by structs (called boxed), by default interface methods, through a variant instantiation, and generic methods of generic types.</summary>
    public static class GenericInterfaceMethods
    {
        private interface IMapper { TOut Map<TIn, TOut>(TIn value, TOut whenNot); }
        private class Caster : IMapper
        {
            public virtual TOut Map<TIn, TOut>(TIn value, TOut whenNot) => value is TOut o ? o : whenNot;
        }
        private sealed class Defaulter : Caster
        {
            public override TOut Map<TIn, TOut>(TIn value, TOut whenNot) => whenNot;
        }
        private interface ICounter { int Count<T>(T[] items, T what); }
        private struct Tally : ICounter
        {
            public int Bias;
            public int Count<T>(T[] items, T what)
            {
                int n = Bias;
                foreach (T item in items) if (item.Equals(what)) n++;
                return n;
            }
        }
        private interface INamer { string Describe<T>(T value); }
        private sealed class Explicit : INamer
        {
            string INamer.Describe<T>(T value) => "explicit " + value.ToString();
        }
        private interface IGreeter
        {
            string Greet<T>(T who) => "hello " + who.ToString();
        }
        private sealed class Quiet : IGreeter { }
        private sealed class Loud : IGreeter
        {
            public string Greet<T>(T who) => "HELLO " + who.ToString();
        }
        private interface IStore<TItem> { TItem Convert<TOther>(TOther other, TItem fallback); }
        private sealed class Store<TItem> : IStore<TItem>
        {
            public TItem Convert<TOther>(TOther other, TItem fallback) => other is TItem t ? t : fallback;
        }
        private interface IMaker { List<T> Make<T>(T first, T second); }
        private sealed class Maker : IMaker
        {
            public List<T> Make<T>(T first, T second) => new List<T> { first, second };
        }
        private interface IProducer<out T> { T Produce<TKey>(TKey key); }
        private sealed class Producer : IProducer<string>
        {
            public string Produce<TKey>(TKey key) => "p" + key.ToString();
        }
        private class Holder<TItem>
        {
            public TItem Item;
            public virtual string Pair<TOther>(TOther other) => Item.ToString() + "/" + other.ToString();
        }
        private sealed class LabelledHolder<TItem> : Holder<TItem>
        {
            public override string Pair<TOther>(TOther other) => "[" + base.Pair(other) + "]";
        }

        public static int Main()
        {
            IMapper m = new Caster();
            if (m.Map<object, string>("s", "none") != "s") return 1;
            if (m.Map<object, string>(3, "none") != "none") return 2;
            if (m.Map<int, int>(4, 0) != 4) return 3;
            if (m.Map<long, int>(4L, -1) != -1) return 4;
            IMapper d = new Defaulter();
            if (d.Map<object, string>("s", "fallback") != "fallback") return 5;
            if (d.Map<int, int>(4, 9) != 9) return 6;

            ICounter c = new Tally { Bias = 10 };
            if (c.Count(new[] { 1, 2, 1, 3 }, 1) != 12) return 7;
            if (c.Count(new[] { "a", "b", "a" }, "a") != 12) return 8;

            INamer n = new Explicit();
            if (n.Describe(5) != "explicit 5") return 9;
            if (n.Describe("e") != "explicit e") return 10;

            IGreeter q = new Quiet();
            if (q.Greet(1) != "hello 1") return 11;
            if (q.Greet("you") != "hello you") return 12;
            IGreeter l = new Loud();
            if (l.Greet(2) != "HELLO 2") return 13;

            IStore<string> s = new Store<string>();
            if (s.Convert<object>("x", "no") != "x") return 14;
            if (s.Convert(5, "no") != "no") return 15;
            IStore<int> si = new Store<int>();
            if (si.Convert<object>(6, -1) != 6) return 16;
            if (si.Convert("6", -1) != -1) return 17;

            Holder<int> h = new LabelledHolder<int> { Item = 1 };
            if (h.Pair(2) != "[1/2]") return 18;
            if (h.Pair("b") != "[1/b]") return 19;
            Holder<string> hs = new LabelledHolder<string> { Item = "a" };
            if (hs.Pair(3) != "[a/3]") return 20;
            if (hs.Pair("c") != "[a/c]") return 21;
            if (new Holder<string> { Item = "p" }.Pair('q') != "p/q") return 22;

            IMaker mk = new Maker();
            List<string> made = mk.Make("a", "b");
            if (made.Count != 2 || made[1] != "b") return 23;
            List<int> madeInts = mk.Make(1, 2);
            if (madeInts.Count != 2 || madeInts[0] != 1) return 24;
            object pair = m.Map<KeyValuePair<string, int>, object>(new KeyValuePair<string, int>("k", 1), null);
            if (!(pair is KeyValuePair<string, int> kv) || kv.Key != "k" || kv.Value != 1) return 25;
            IProducer<object> po = new Producer();
            if ((string)po.Produce(1) != "p1") return 26;
            if ((string)po.Produce("k") != "pk") return 27;
            return 100;
        }
    }
}
