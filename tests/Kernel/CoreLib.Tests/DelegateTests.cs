using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Action/Func, lambdas with captures, static and instance method groups, custom delegates.</summary>
    public static class DelegateTests
    {
        private delegate long BinaryOp(long a, long b);

        private static int s_calls;
        private static void Tick() => s_calls++;
        private static int Twice(int x) => x * 2;
        private static string Greet() => "hi";
        private static long Mul(long a, long b) => a * b;

        private sealed class Counter
        {
            public int Count;
            public int Step = 1;
            public void Add() => Count += Step;
            public void AddN(int n) => Count += n * Step;
            public int Scaled(int x) => x * Step;
            public override string ToString() => Count.ToString();
        }

        [Test]
        public static void ActionAndFuncLambdas()
        {
            int hits = 0;
            Action a = () => hits++;
            Action<int> add = n => hits += n;
            Func<int> get = () => hits;
            Func<int, string> show = n => string.Concat("#", n.ToString());
            Func<int, int, int> sum = (x, y) => x + y;
            a();
            a();
            add(10);
            Assert.Equal(12, get());
            Assert.Equal("#12", show(get()));
            Assert.Equal(7, sum(3, 4));
        }

        [Test]
        public static void CapturesAreSharedAndMutable()
        {
            int x = 1;
            Func<int> read = () => x;
            Action bump = () => x *= 3;
            bump();
            Assert.Equal(3, x);
            x = 10;
            Assert.Equal(10, read());
            bump();
            Assert.Equal(30, read());
            // Each loop iteration gets its own variable.
            var fs = new Func<int>[3];
            for (int i = 0; i < 3; i++)
            {
                int copy = i;
                fs[i] = () => copy * 100;
            }
            Assert.Equal(200, fs[2]());
            Assert.Equal(0, fs[0]());
            string captured = "s";
            Func<string, string> append = t => captured + t;
            captured = "S";
            Assert.Equal("St", append("t"));
        }

        [Test]
        public static void StaticMethodGroups()
        {
            s_calls = 0;
            Action t = Tick;
            t();
            t();
            Assert.Equal(2, s_calls);
            Func<int, int> f = Twice;
            Assert.Equal(42, f(21));
            Func<string> g = Greet;
            Assert.Equal("hi", g());
            BinaryOp op = Mul;
            Assert.Equal(1L << 40, op(1L << 20, 1L << 20));
            Assert.Null(t.Target);
        }

        [Test]
        public static void InstanceMethodGroups()
        {
            var c = new Counter { Step = 5 };
            Action add = c.Add;
            Action<int> addN = c.AddN;
            Func<int, int> scaled = c.Scaled;
            Func<string> str = c.ToString;
            add();
            addN(2);
            Assert.Equal(15, c.Count);
            Assert.Equal(50, scaled(10));
            Assert.Equal("15", str());
            Assert.Same(c, add.Target);
        }

        [Test]
        public static void DelegatesAsArgumentsAndEquality()
        {
            Assert.Equal(25, Apply(x => x * x, 5));
            Assert.Equal(10, Apply(Twice, 5));
            Func<int, int> a = Twice, b = Twice;
            Assert.True(a == b);
            Assert.True(a.Equals(b));
            var c = new Counter();
            Action x1 = c.Add, x2 = c.Add, x3 = new Counter().Add;
            Assert.True(x1 == x2);
            Assert.False(x1 == x3);
            Predicate<string> empty = string.IsNullOrEmpty;
            Assert.True(empty(""));
            Comparison<int> cmp = (p, q) => q - p;
            Assert.True(cmp(1, 2) > 0);
        }

        private static int Apply(Func<int, int> f, int v) => f(v);

        [Test]
        public static void NullDelegateInvokeThrows()
        {
            Action none = null;
            Assert.Throws<NullReferenceException>(() => none());
            Assert.Throws<NullReferenceException>(() => none.Invoke());
        }
    }
}
