using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Generic classes, methods and constraints over value and reference types.</summary>
    public static class GenericsTests
    {
        private sealed class Pair<A, B>
        {
            public A First;
            public B Second;
            public Pair(A first, B second) { First = first; Second = second; }
            public Pair<B, A> Swap() => new Pair<B, A>(Second, First);
        }

        private struct Wrapper<T>
        {
            public T Value;
            public int Version;
        }

        private interface IShape { int Sides { get; } }
        private sealed class Triangle : IShape { public int Sides => 3; }
        private struct Square : IShape { public int Sides => 4; }

        private static T Identity<T>(T value) => value;

        private static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }

        private static int TotalSides<T>(T[] shapes) where T : IShape
        {
            int n = 0;
            for (int i = 0; i < shapes.Length; i++) n += shapes[i].Sides;
            return n;
        }

        private static T Max<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) >= 0 ? a : b;

        private sealed class Version : IComparable<Version>
        {
            public readonly int N;
            public Version(int n) { N = n; }
            public int CompareTo(Version other) => N - other.N;
        }

        private struct Meters : IComparable<Meters>
        {
            public int V;
            public int CompareTo(Meters other) => V - other.V;
        }

        // `new T()` (the new() constraint) is not used: it needs System.Activator, which the core library lacks.
        private static T Create<T>(Func<T> factory) where T : class => factory();
        private sealed class Made { public int X = 9; }

        private static bool IsDefault<T>(T value) => System.Collections.Generic.EqualityComparer<T>.Default.Equals(value, default);

        private static string Describe<T>(T value) where T : class => value == null ? "null" : value.ToString();

        private class Node<T>
        {
            public T Value;
            public Node<T> Next;
        }

        [Test]
        public static void GenericClassOverMixedTypes()
        {
            var p = new Pair<int, string>(1, "one");
            Pair<string, int> q = p.Swap();
            Assert.Equal("one", q.First);
            Assert.Equal(1, q.Second);
            var r = new Pair<double, Pair<int, string>>(0.5, p);
            Assert.Equal("one", r.Second.Second);
            Assert.Equal(0.5, r.First, 0.0);
        }

        [Test]
        public static void GenericMethodsOverStructsAndClasses()
        {
            Assert.Equal(5, Identity(5));
            Assert.Equal(5L << 33, Identity(5L << 33));
            Assert.Equal("s", Identity("s"));
            Assert.Equal(1.25, Identity(1.25), 0.0);
            int a = 1, b = 2;
            Swap(ref a, ref b);
            Assert.Equal(2, a);
            Assert.Equal(1, b);
            string x = "x", y = "y";
            Swap(ref x, ref y);
            Assert.Equal("y", x);
            Assert.Equal("x", y);
        }

        [Test]
        public static void InterfaceConstraintOnClassAndStruct()
        {
            Assert.Equal(6, TotalSides(new[] { new Triangle(), new Triangle() }));
            Assert.Equal(12, TotalSides(new[] { new Square(), new Square(), new Square() }));
            Assert.Equal(7, TotalSides(new IShape[] { new Triangle(), new Square() }));
        }

        [Test]
        public static void ComparableConstraint()
        {
            Assert.Equal(9, Max(new Version(3), new Version(9)).N);
            Assert.Equal(4, Max(new Meters { V = 4 }, new Meters { V = -1 }).V);
        }

        [Test]
        public static void ClassConstraintAndDefault()
        {
            Assert.Equal(9, Create(() => new Made()).X);
            Assert.Equal(0, default(int));
            Assert.True(IsDefault(0));
            Assert.False(IsDefault(1));
            Assert.True(IsDefault<string>(null));
            Assert.False(IsDefault("a"));
            Assert.Equal("null", Describe<string>(null));
            Assert.Equal("abc", Describe("abc"));
        }

        private static bool IsInt<T>() => typeof(T) == typeof(int);
        private static bool IsString<T>() => typeof(T) == typeof(string);
        private static Type Hide(Type t) => t; // keeps the JIT from folding the comparison

        [Test]
        public static void TypeofComparisons()
        {
            Assert.True(IsInt<int>());
            Assert.False(IsInt<long>());
            Assert.False(IsInt<string>());
            Assert.True(IsString<string>());
            Assert.False(IsString<object>()); // shared generic code for reference types
            Assert.True(Hide(typeof(int)) == typeof(int));
            Assert.False(Hide(typeof(int)) == typeof(uint));
            Assert.True(Hide(typeof(string)) != Hide(typeof(object)));
            Assert.True(Hide(typeof(Version)).Equals(typeof(Version)));
            Assert.False(Hide(typeof(int)) == null);
        }

        [Test]
        public static void GenericStructAndLinkedNodes()
        {
            var w = new Wrapper<string> { Value = "v", Version = 2 };
            var copy = w;
            copy.Value = "changed";
            Assert.Equal("v", w.Value);
            Node<long> head = null;
            for (long i = 1; i <= 10; i++) head = new Node<long> { Value = i * i, Next = head };
            long sum = 0;
            for (var n = head; n != null; n = n.Next) sum += n.Value;
            Assert.Equal(385, sum);
        }

        private struct Point3 { public double X, Y, Z; }

        private static unsafe T SumThroughPointer<T>(T* values, int count, Func<T, T, T> add) where T : unmanaged
        {
            T total = default;
            for (int i = 0; i < count; i++) total = add(total, values[i]);
            return total;
        }

        private static unsafe int SizeOfUnmanaged<T>() where T : unmanaged => sizeof(T);

        [Test]
        public static unsafe void UnmanagedConstraint()
        {
            long* longs = stackalloc long[4] { 1, 2, 3, 4 };
            Assert.Equal(10L, SumThroughPointer(longs, 4, (a, b) => a + b));
            Point3* points = stackalloc Point3[2];
            points[0] = new Point3 { X = 1, Y = 2, Z = 3 };
            points[1] = new Point3 { X = 4, Y = 5, Z = 6 };
            Point3 sum = SumThroughPointer(points, 2, (a, b) => new Point3 { X = a.X + b.X, Y = a.Y + b.Y, Z = a.Z + b.Z });
            Assert.True(sum.X == 5 && sum.Y == 7 && sum.Z == 9);
            Assert.Equal(24, SizeOfUnmanaged<Point3>());
            Assert.Equal(1, SizeOfUnmanaged<byte>());
        }
    }
}
