namespace Conformance.Structs
{
    /// <summary>ValueType.Equals/GetHashCode defaults, record structs, tuples equality.</summary>
    public static class StructEquality
    {
        private record struct Rgb(byte R, byte G, byte B);
        private struct WithOverride
        {
            public int V;
            public override bool Equals(object o) => o is WithOverride w && w.V % 10 == V % 10;
            public override int GetHashCode() => V % 10;
        }

        public static int Main()
        {
            var a = new Rgb(1, 2, 3);
            var b = new Rgb(1, 2, 3);
            if (a != b || !a.Equals(b)) return 1;
            if (a.GetHashCode() != b.GetHashCode()) return 2;
            if (a == b with { B = 4 }) return 3;
            var t1 = (1, "x");
            var t2 = (1, "x");
            if (t1 != t2) return 4;
            if (!new WithOverride { V = 3 }.Equals(new WithOverride { V = 13 })) return 5;
            object o = a;
            if (!o.Equals(b)) return 6;
            return 100;
        }
    }
}
