using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Virtual, abstract, override and base calls through class hierarchies.</summary>
    public static class VirtualDispatchTests
    {
        private abstract class Shape
        {
            public abstract int Area();
            public virtual string Name() => "shape";
            public string Describe() => string.Concat(Name(), ":", Area().ToString());
        }

        private class Square : Shape
        {
            private readonly int _side;
            public Square(int side) { _side = side; }
            public override int Area() => _side * _side;
            public override string Name() => "square";
        }

        private class Rect : Shape
        {
            protected readonly int W, H;
            public Rect(int w, int h) { W = w; H = h; }
            public override int Area() => W * H;
        }

        private class LabelledRect : Rect
        {
            public LabelledRect(int w, int h) : base(w, h) { }
            public override string Name() => string.Concat("labelled-", base.Name());
            public override int Area() => base.Area() + 1;
        }

        private sealed class Tri : Shape
        {
            public override int Area() => 3;
            public override string Name() => "tri";
        }

        private class Base { public virtual int F() => 1; public int G() => F() * 10; }
        private class Hider : Base { public new int G() => 99; public override int F() => 2; }

        [Test]
        public static void AbstractAndOverride()
        {
            Shape[] shapes = { new Square(3), new Rect(2, 5), new LabelledRect(2, 2), new Tri() };
            int total = 0;
            for (int i = 0; i < shapes.Length; i++) total += shapes[i].Area();
            Assert.Equal(9 + 10 + 5 + 3, total);
        }

        [Test]
        public static void BaseCallsAndInheritedVirtuals()
        {
            Shape s = new LabelledRect(3, 4);
            Assert.Equal("labelled-shape:13", s.Describe());
            Assert.Equal("shape:10", new Rect(2, 5).Describe());
            Assert.Equal("square:16", new Square(4).Describe());
        }

        [Test]
        public static void NewHidesButVirtualStillDispatches()
        {
            Hider h = new Hider();
            Base b = h;
            Assert.Equal(99, h.G());
            Assert.Equal(20, b.G());
            Assert.Equal(2, b.F());
        }

        private static Shape Make(bool real) => real ? new Tri() : null;
    }
}
