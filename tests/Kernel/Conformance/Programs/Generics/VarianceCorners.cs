using System;
using System.Collections.Generic;

namespace Conformance.Generics
{
    /// <summary>Variance corners: nested variant arguments, value-type arguments (never variant), exact implementations preferred over variant ones, interfaces inherited from a base class or interface, variant delegates through casts, failing casts.</summary>
    public static class VarianceCorners
    {
        private interface IProducer<out T> { T Make(); }
        private interface ISink<in T> { string Put(T v); }
        private interface INamedProducer<out T> : IProducer<T> { string Name { get; } }

        private class Animal { public virtual string Kind => "animal"; }
        private sealed class Cat : Animal { public override string Kind => "cat"; }

        private sealed class CatMaker : INamedProducer<Cat> { public Cat Make() => new Cat(); public string Name => "cats"; }
        private sealed class NumberMaker : IProducer<int> { public int Make() => 42; }
        private sealed class Nested : IProducer<IProducer<Cat>> { public IProducer<Cat> Make() => new CatMaker(); }
        private class AnimalSink : ISink<Animal> { public string Put(Animal a) => "sank " + a.Kind; }
        private sealed class DerivedSink : AnimalSink { }
        private sealed class CatSink : ISink<Cat> { public string Put(Cat c) => "cat sink"; }

        // Implements IProducer<object> exactly and IProducer<string> (which is also variance-compatible
        // with IProducer<object>): the exact one must win.
        private sealed class Both : IProducer<string>, IProducer<object>
        {
            string IProducer<string>.Make() => "string";
            object IProducer<object>.Make() => "object";
        }

        private sealed class Ranked : IComparable<Animal> { public int CompareTo(Animal other) => other.Kind.Length; }

        private sealed class ByName : IComparer<object>
        {
            public int Compare(object a, object b) => string.CompareOrdinal(a.ToString(), b.ToString());
        }

        public static int Main()
        {
            object maker = new CatMaker();
            if (!(maker is IProducer<Animal>) || !(maker is IProducer<object>) || !(maker is INamedProducer<Animal>)) return 1;
            var animals = (INamedProducer<Animal>)maker;
            if (animals.Make().Kind != "cat" || animals.Name != "cats") return 2;

            object numbers = new NumberMaker();
            if (numbers is IProducer<object> || numbers is IProducer<long>) return 3;   // int is a value type: no variance
            if (((IProducer<int>)numbers).Make() != 42) return 4;

            object nested = new Nested();
            if (nested is not IProducer<IProducer<Animal>> deep || deep.Make().Make().Kind != "cat") return 5;

            object sink = new DerivedSink();                                            // ISink<Animal> through the base class
            if (sink is not ISink<Cat> catSink || catSink.Put(new Cat()) != "sank cat") return 6;
            if (new CatSink() is ISink<Animal>) return 7;                               // contravariance is one-way

            IProducer<object> both = new Both();
            if ((string)both.Make() != "object") return 8;

            try
            {
                var wrong = (IProducer<string>)maker;
                return 9;
            }
            catch (InvalidCastException) { }

            object f = (Func<Cat>)(() => new Cat());
            // The cast targets are delegate types the program also creates: ilc compiles a cast to
            // a class that is never instantiated as always failing (docs/corelib.md, limits).
            Func<Animal> made = () => new Animal();
            Action<Cat> used = c => { };
            if (made().Kind != "animal") return 17;
            used(new Cat());
            if (f is not Func<Animal> fa || fa().Kind != "cat") return 10;
            if (f is Func<int> || f is Func<string>) return 11;
            object act = (Action<Animal>)(a => { });
            if (act as Action<Cat> == null || act is Action<object>) return 12;

            IComparer<string> strings = new ByName();
            if (strings.Compare("a", "b") >= 0) return 13;
            string[] fruit = { "pear", "apple", "fig" };
            Array.Sort(fruit, strings);
            if (fruit[0] != "apple" || fruit[2] != "pear") return 14;

            IEnumerable<Animal> fromList = new List<Cat> { new Cat() };
            foreach (Animal a in fromList) if (a.Kind != "cat") return 15;
            IEnumerable<object> readOnly = (IReadOnlyList<string>)new List<string> { "x" };
            foreach (object o in readOnly) if ((string)o != "x") return 16;
            object ranked = new Ranked();
            if (ranked is not IComparable<Cat> byCat || byCat.CompareTo(new Cat()) != 3) return 18;
            return 100;
        }
    }
}
