using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Static fields of every kind and static constructors (lazy, side effects, ordering).</summary>
    public static class StaticTests
    {
        // Records the order static constructors ran in.
        internal static class Trace
        {
            public static string Log = "";
            public static void Add(string s) => Log = string.Concat(Log, s, ";");
        }

        private static class Lazy
        {
            public static int Value;
            static Lazy()
            {
                Trace.Add("Lazy");
                Value = 41 + Trace.Log.Length * 0 + 1;
            }
            public static void Touch() { }
        }

        private static class First
        {
            public static readonly string Name;
            static First()
            {
                Trace.Add("First");
                Name = string.Concat("first+", Second.Name);
            }
        }

        private static class Second
        {
            public static readonly string Name;
            static Second()
            {
                Trace.Add("Second");
                Name = "second";
            }
        }

        private struct Vec { public int X, Y; }

        private static class Kinds
        {
            public static int Int = 7;
            public static long Long = -1L << 40;
            public static double Double = 2.5;
            public static bool Bool = true;
            public static string Str = "static";
            public static object Obj = new object();
            public static Vec Struct = new Vec { X = 3, Y = 4 };
            public static int[] Array = { 1, 2, 3 };
            public static readonly string ReadOnly = string.Concat("ro", "!");
            public const int Const = 99;
        }

        private static class PerType<T>
        {
            public static int Count;
            public static string Tag = typeof(T) == typeof(int) ? "int" : "other";
        }

        // Separate from Kinds: tests run in name order and must not see each other's writes.
        private static class MutableKinds
        {
            public static int Int = 7;
            public static string Str = "static";
            public static object Obj = new object();
            public static Vec Struct = new Vec { X = 3, Y = 4 };
            public static int[] Array = { 1, 2, 3 };
        }

        private static int s_mutable;

        [Test]
        public static void StaticConstructorRunsLazilyOnce()
        {
            Assert.Equal(-1, Trace.Log.IndexOf("Lazy"), "ran before first use");
            Assert.Equal(42, Lazy.Value);
            Lazy.Touch();
            Lazy.Value++;
            Assert.Equal(43, Lazy.Value);
            Assert.Equal(Trace.Log.IndexOf("Lazy"), Trace.Log.LastIndexOf('L'), "ran twice");
        }

        [Test]
        public static void StaticConstructorOrdering()
        {
            int before = Trace.Log.Length;
            string name = First.Name;
            Assert.Equal("first+second", name);
            Assert.Equal("First;Second;", Trace.Log.Substring(before));
            string again = Second.Name;
            Assert.Equal("First;Second;", Trace.Log.Substring(before));
        }

        [Test]
        public static void StaticFieldsOfEveryKind()
        {
            Assert.Equal(7, Kinds.Int);
            Assert.Equal(-1L << 40, Kinds.Long);
            Assert.Equal(2.5, Kinds.Double, 0.0);
            Assert.True(Kinds.Bool);
            Assert.Equal("static", Kinds.Str);
            Assert.NotNull(Kinds.Obj);
            Assert.Equal(3, Kinds.Struct.X);
            Assert.Equal(4, Kinds.Struct.Y);
            Assert.Equal(3, Kinds.Array.Length);
            Assert.Equal(2, Kinds.Array[1]);
            Assert.Equal("ro!", Kinds.ReadOnly);
            Assert.Equal(99, Kinds.Const);
        }

        [Test]
        public static void StaticFieldsAreMutable()
        {
            MutableKinds.Int += 1;
            MutableKinds.Struct.X = 30;
            MutableKinds.Array[0] = 100;
            MutableKinds.Str = "changed";
            object o = new object();
            MutableKinds.Obj = o;
            Assert.Equal(8, MutableKinds.Int);
            Assert.Equal(30, MutableKinds.Struct.X);
            Assert.Equal(100, MutableKinds.Array[0]);
            Assert.Equal("changed", MutableKinds.Str);
            Assert.Same(o, MutableKinds.Obj);
            s_mutable = 5;
            s_mutable *= 3;
            Assert.Equal(15, s_mutable);
        }

        [Test]
        public static void GenericStaticsPerInstantiation()
        {
            PerType<int>.Count = 1;
            PerType<string>.Count = 2;
            PerType<long>.Count = 3;
            PerType<int>.Count += 10;
            Assert.Equal(11, PerType<int>.Count);
            Assert.Equal(2, PerType<string>.Count);
            Assert.Equal(3, PerType<long>.Count);
            Assert.Equal("int", PerType<int>.Tag);
            Assert.Equal("other", PerType<string>.Tag);
        }

        [System.ThreadStatic] private static int t_count;
        [System.ThreadStatic] private static string t_name;
        [System.ThreadStatic] private static StructKind t_struct;

        private struct StructKind { public long A, B; }

        [Test]
        public static void ThreadStaticsOfEveryKind()
        {
            // Per-thread independence is tested in Threads.Tests; here: the fields work as fields.
            t_count = 2;
            t_count *= 21;
            t_name = string.Concat("thread", "-static");
            t_struct.B = 9;
            t_struct.A = t_struct.B + 1;
            Assert.Equal(42, t_count);
            Assert.Equal("thread-static", t_name);
            Assert.Equal(10L, t_struct.A);
            Assert.Equal(9L, t_struct.B);
        }
    }
}
