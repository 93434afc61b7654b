using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Object creation, fields, identity, Equals/GetHashCode/ToString.</summary>
    public static class ObjectTests
    {
        private class Point
        {
            public int X;
            public int Y;
            public string Label;
            public Point(int x, int y, string label) { X = x; Y = y; Label = label; }
            public override string ToString() => Label;
        }

        private sealed class ValueKey
        {
            public readonly int Id;
            public ValueKey(int id) { Id = id; }
            public override bool Equals(object obj) => obj is ValueKey k && k.Id == Id;
            public override int GetHashCode() => Id * 31;
        }

        private class Empty { }

        [Test]
        public static void NewObjectHasFieldsSet()
        {
            var p = new Point(3, -4, "p");
            Assert.Equal(3, p.X);
            Assert.Equal(-4, p.Y);
            Assert.Equal("p", p.Label);
            p.X += 10;
            Assert.Equal(13, p.X);
        }

        [Test]
        public static void DistinctObjectsHaveDistinctIdentity()
        {
            object a = new Empty();
            object b = new Empty();
            Assert.NotNull(a);
            Assert.False(ReferenceEquals(a, b));
            Assert.True(ReferenceEquals(a, a));
            Assert.False(a.Equals(b));
            Assert.True(a.Equals(a));
            Assert.Equal(a.GetHashCode(), a.GetHashCode());
        }

        [Test]
        public static void OverriddenEqualsAndHashCode()
        {
            object a = new ValueKey(7);
            object b = new ValueKey(7);
            object c = new ValueKey(8);
            Assert.True(a.Equals(b));
            Assert.False(a.Equals(c));
            Assert.False(a.Equals(null));
            Assert.True(object.Equals(a, b));
            Assert.True(object.Equals(null, null));
            Assert.False(object.Equals(a, null));
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }

        [Test]
        public static void ToStringIsVirtual()
        {
            object p = new Point(1, 2, "here");
            Assert.Equal("here", p.ToString());
            object boxed = 42;
            Assert.Equal("42", boxed.ToString());
            object s = "text";
            Assert.Equal("text", s.ToString());
        }

        [Test]
        public static void NullReferenceFieldDefaultsAndAssignment()
        {
            var p = new Point(0, 0, null);
            Assert.Null(p.Label);
            p.Label = "set";
            Assert.Equal("set", p.Label);
            var q = p;
            q.Label = "shared";
            Assert.Equal("shared", p.Label);
            Assert.Same(p, q);
        }

        [Test]
        public static void BoxingAndUnboxing()
        {
            int v = 1234;
            object o = v;
            v = 5;
            Assert.Equal(1234, (int)o);
            object d = 2.5;
            Assert.Equal(2.5, (double)d, 0.0);
            object l = 1L << 40;
            Assert.Equal(1L << 40, (long)l);
            Assert.True(o.Equals(1234));
            Assert.False(o.Equals(1235));
        }
    }
}
