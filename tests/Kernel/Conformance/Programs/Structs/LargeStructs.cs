namespace Conformance.Structs
{
    /// <summary>Structs larger than registers passed, returned and stored by value (hidden return buffers, copies on the stack).</summary>
    public static class LargeStructs
    {
        private struct M4 { public double A, B, C, D, E, F, G, H, I, J, K, L, N, O, P, Q; }

        private static M4 Scale(M4 m, double k)
        {
            m.A *= k; m.Q *= k;
            return m;
        }

        private static M4 Make(double v) => new M4 { A = v, Q = v * 2, H = v * 3 };

        public static int Main()
        {
            var m = Make(1.5);
            var s = Scale(m, 2);
            if (m.A != 1.5 || s.A != 3.0 || s.Q != 6.0 || s.H != 4.5) return 1;
            var arr = new M4[3];
            arr[2] = Scale(Make(1), 10);
            if (arr[2].A != 10 || arr[2].Q != 20) return 2;
            M4 copy = arr[2];
            copy.H = -1;
            if (arr[2].H != 3) return 3;
            return 100;
        }
    }
}
