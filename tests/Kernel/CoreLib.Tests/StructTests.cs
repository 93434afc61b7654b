using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Value semantics: copies, refs, structs holding references, large structs, methods on structs.</summary>
    public static class StructTests
    {
        private struct Point
        {
            public int X, Y;
            public Point(int x, int y) { X = x; Y = y; }
            public void Move(int dx) { X += dx; }
            public override string ToString() => string.Concat("(", X.ToString(), ",", Y.ToString(), ")");
        }

        private struct Named
        {
            public string Name;
            public int[] Data;
            public object Tag;
        }

        private struct Big
        {
            public long A, B, C, D, E, F, G, H;
            public double X, Y;
            public string S;
            public long Sum() => A + B + C + D + E + F + G + H;
        }

        private sealed class Holder { public Point P; public Big B; }

        private static Point Moved(Point p) { p.Move(100); return p; }
        private static void MoveRef(ref Point p) => p.Move(1000);

        private static Big MakeBig(long seed)
        {
            Big b;
            b.A = seed; b.B = seed + 1; b.C = seed + 2; b.D = seed + 3;
            b.E = seed + 4; b.F = seed + 5; b.G = seed + 6; b.H = seed + 7;
            b.X = 0.5; b.Y = -0.5; b.S = seed.ToString();
            return b;
        }

        [Test]
        public static void AssignmentCopies()
        {
            var a = new Point(1, 2);
            var b = a;
            b.X = 50;
            Assert.Equal(1, a.X);
            Assert.Equal(50, b.X);
            var c = Moved(a);
            Assert.Equal(1, a.X);
            Assert.Equal(101, c.X);
            MoveRef(ref a);
            Assert.Equal(1001, a.X);
            Assert.Equal("(1001,2)", a.ToString());
        }

        [Test]
        public static void StructWithReferences()
        {
            var n = new Named { Name = "n", Data = new[] { 1, 2, 3 }, Tag = "tag" };
            var m = n;
            m.Name = "m";
            m.Data[0] = 99; // the array is shared, the field is copied
            Assert.Equal("n", n.Name);
            Assert.Equal(99, n.Data[0]);
            Assert.Same(n.Tag, m.Tag);
            Named[] arr = new Named[3];
            arr[1] = n;
            Assert.Equal("n", arr[1].Name);
            Assert.Null(arr[0].Name);
            Assert.Null(arr[2].Data);
        }

        [Test]
        public static void LargeStructPassedAndReturned()
        {
            Big b = MakeBig(10);
            Assert.Equal(8 * 10 + 28, b.Sum());
            Big c = b;
            c.H = 0;
            Assert.Equal(17, b.H);
            Assert.Equal(8 * 10 + 28 - 17, c.Sum());
            Assert.Equal("10", c.S);
            Assert.Equal(0.0, c.X + c.Y, 0.0);
        }

        [Test]
        public static void StructFieldsInsideClasses()
        {
            var h = new Holder();
            h.P.Move(5);
            h.P.Y = 7;
            h.B = MakeBig(1);
            Assert.Equal(5, h.P.X);
            Assert.Equal(7, h.P.Y);
            Assert.Equal(36, h.B.Sum());
            Point copy = h.P;
            copy.Move(1);
            Assert.Equal(5, h.P.X);
        }

        [Test]
        public static void DefaultStructAndEquality()
        {
            Point p = default;
            Assert.Equal(0, p.X);
            Assert.Equal(0, p.Y);
            Big b = default;
            Assert.Equal(0, b.Sum());
            Assert.Null(b.S);
            Point[] ps = new Point[4];
            ps[2].Move(3);
            Assert.Equal(3, ps[2].X);
            Assert.Equal(0, ps[3].X);
        }

        [Test]
        public static void NullableValues()
        {
            int? none = null;
            int? some = 5;
            Assert.False(none.HasValue);
            Assert.True(some.HasValue);
            Assert.Equal(5, some.Value);
            Assert.Equal(7, none.GetValueOrDefault(7));
            Assert.Equal(0, none.GetValueOrDefault());
            int? sum = some + 1;
            Assert.Equal(6, sum.Value);
            Assert.False((none + 1).HasValue);
            Assert.Throws<System.InvalidOperationException>(() => { int x = none.Value; });
            // Not covered: boxing a Nullable<T> (object o = some) is refused by the core library's
            // RhBox (NotSupportedException) until MethodTable exposes Nullable's underlying type.
        }
    }
}
