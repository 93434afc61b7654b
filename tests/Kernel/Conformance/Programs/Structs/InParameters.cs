namespace Conformance.Structs
{
    /// <summary>in parameters and ref readonly returns: the callee reads the caller's value without copying or changing it.</summary>
    public static class InParameters
    {
        private struct Vec3 { public double X, Y, Z; public readonly double Dot(in Vec3 o) => X * o.X + Y * o.Y + Z * o.Z; }
        private static Vec3 s_unit = new Vec3 { X = 1 };

        private static double Length2(in Vec3 v) => v.Dot(v);
        private static ref readonly Vec3 Unit() => ref s_unit;

        public static int Main()
        {
            var v = new Vec3 { X = 1, Y = 2, Z = 2 };
            if (Length2(v) != 9) return 1;
            if (Length2(new Vec3 { Z = 3 }) != 9) return 2;
            ref readonly Vec3 u = ref Unit();
            if (u.X != 1 || v.Dot(u) != 1) return 3;
            s_unit.X = 5;
            if (u.X != 5) return 4;                // a reference, not a copy
            return 100;
        }
    }
}
