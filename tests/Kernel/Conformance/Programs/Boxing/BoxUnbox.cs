namespace Conformance.Boxing
{
    /// <summary>box/unbox.any of primitives and structs; boxes are copies; Equals and GetHashCode through object.</summary>
    public static class BoxUnbox
    {
        private struct P { public int X; }

        public static int Main()
        {
            int i = 42;
            object o = i;
            i = 0;
            if ((int)o != 42) return 1;
            object d = 2.5;
            if ((double)d != 2.5) return 2;
            var p = new P { X = 1 };
            object bp = p;
            p.X = 2;
            if (((P)bp).X != 1) return 3;
            if (!o.Equals(42) || o.Equals(43) || o.Equals(42L)) return 4;
            if (o.GetHashCode() != 42.GetHashCode()) return 5;
            object c = 'x', b = true, l = long.MaxValue;
            if ((char)c != 'x' || !(bool)b || (long)l != long.MaxValue) return 6;
            if (o.ToString() != "42" || b.ToString() != "True") return 7;
            return 100;
        }
    }
}
