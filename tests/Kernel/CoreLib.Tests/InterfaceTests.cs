using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Interface calls: few implementers, generic interfaces, default interface methods, explicit implementations.</summary>
    public static class InterfaceTests
    {
        private interface ICounter
        {
            int Next();
            int Current { get; }
        }

        private sealed class ByOne : ICounter
        {
            private int _n;
            public int Next() => ++_n;
            public int Current => _n;
        }

        private sealed class ByTen : ICounter
        {
            private int _n;
            public int Next() => _n += 10;
            public int Current => _n;
        }

        private interface IBox<T>
        {
            T Get();
            void Set(T value);
        }

        private sealed class Box<T> : IBox<T>
        {
            private T _value;
            public T Get() => _value;
            public void Set(T value) => _value = value;
        }

        private sealed class IntBoxTwice : IBox<int>
        {
            private int _value;
            public int Get() => _value * 2;
            public void Set(int value) => _value = value;
        }

        private interface IGreeter
        {
            string Name { get; }
            string Greet() => string.Concat("hello ", Name);
        }

        private sealed class Plain : IGreeter { public string Name => "plain"; }

        private sealed class Custom : IGreeter
        {
            public string Name => "custom";
            public string Greet() => "hi from custom";
        }

        private interface IA { int Value(); }
        private interface IB { int Value(); }

        private sealed class Both : IA, IB
        {
            int IA.Value() => 1;
            int IB.Value() => 2;
        }

        private interface IBase { int One(); }
        private interface IDerived : IBase { int Two(); }
        private sealed class Impl : IDerived { public int One() => 1; public int Two() => 2; }

        [Test]
        public static void InterfaceCallTwoImplementers()
        {
            ICounter[] counters = { new ByOne(), new ByTen(), new ByOne() };
            for (int round = 0; round < 3; round++)
                for (int i = 0; i < counters.Length; i++) counters[i].Next();
            Assert.Equal(3, counters[0].Current);
            Assert.Equal(30, counters[1].Current);
            Assert.Equal(3, counters[2].Current);
        }

        [Test]
        public static void GenericInterfaceOverClassAndStruct()
        {
            IBox<string> s = new Box<string>();
            s.Set("abc");
            Assert.Equal("abc", s.Get());
            IBox<int> a = new Box<int>();
            IBox<int> b = new IntBoxTwice();
            a.Set(21);
            b.Set(21);
            Assert.Equal(21, a.Get());
            Assert.Equal(42, b.Get());
            IBox<long> l = new Box<long>();
            l.Set(1L << 50);
            Assert.Equal(1L << 50, l.Get());
        }

        [Test]
        public static void DefaultInterfaceMethod()
        {
            IGreeter p = new Plain();
            IGreeter c = new Custom();
            Assert.Equal("hello plain", p.Greet());
            Assert.Equal("hi from custom", c.Greet());
        }

        [Test]
        public static void ExplicitImplementations()
        {
            var both = new Both();
            IA a = both;
            IB b = both;
            Assert.Equal(1, a.Value());
            Assert.Equal(2, b.Value());
        }

        [Test]
        public static void InheritedInterfaces()
        {
            IDerived d = new Impl();
            IBase b = d;
            Assert.Equal(1, b.One());
            Assert.Equal(2, d.Two());
            Assert.Equal(1, d.One());
        }

        [Test]
        public static void IEquatableThroughInterface()
        {
            System.IEquatable<int> e = 5 as System.IEquatable<int>;
            Assert.NotNull(e);
            Assert.True(e.Equals(5));
            Assert.False(e.Equals(6));
            System.IEquatable<string> s = "x";
            Assert.True(s.Equals("x"));
        }
    }
}
