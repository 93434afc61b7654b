namespace Conformance.Calls
{
    /// <summary>User-defined operators, conversions and equality on a struct.</summary>
    public static class OperatorOverloads
    {
        private readonly struct Vec
        {
            public readonly int X, Y;
            public Vec(int x, int y) { X = x; Y = y; }
            public static Vec operator +(Vec a, Vec b) => new Vec(a.X + b.X, a.Y + b.Y);
            public static Vec operator -(Vec a) => new Vec(-a.X, -a.Y);
            public static Vec operator *(Vec a, int k) => new Vec(a.X * k, a.Y * k);
            public static bool operator ==(Vec a, Vec b) => a.X == b.X && a.Y == b.Y;
            public static bool operator !=(Vec a, Vec b) => !(a == b);
            public static implicit operator Vec(int v) => new Vec(v, v);
            public static explicit operator int(Vec v) => v.X + v.Y;
            public override bool Equals(object o) => o is Vec v && v == this;
            public override int GetHashCode() => X ^ Y;
        }

        public static int Main()
        {
            Vec a = new Vec(1, 2), b = 3;
            var c = a + b * 2;
            if (c != new Vec(7, 8)) return 1;
            if ((int)-c != -15) return 2;
            if (!c.Equals((object)new Vec(7, 8))) return 3;
            c += 1;
            if (c.X != 8) return 4;
            return 100;
        }
    }
}
