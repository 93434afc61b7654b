namespace Conformance.Calls
{
    /// <summary>callvirt through base references, overrides, new slots, sealed overrides and base calls.</summary>
    public static class VirtualCalls
    {
        private abstract class Shape
        {
            public abstract int Sides { get; }
            public virtual string Kind() => "shape";
            public string Describe() => Kind() + Sides;
        }
        private class Square : Shape
        {
            public override int Sides => 4;
            public override string Kind() => "square";
        }
        private sealed class Tile : Square
        {
            public override string Kind() => "tile:" + base.Kind();
        }
        private class Hider : Square
        {
            public new string Kind() => "hidden";
        }

        public static int Main()
        {
            Shape[] shapes = { new Square(), new Tile(), new Hider() };
            if (shapes[0].Describe() != "square4") return 1;
            if (shapes[1].Describe() != "tile:square4") return 2;
            if (shapes[2].Kind() != "square") return 3;               // new does not override
            if (((Hider)shapes[2]).Kind() != "hidden") return 4;
            if (shapes[1].ToString() == null) return 5;
            return 100;
        }
    }
}
