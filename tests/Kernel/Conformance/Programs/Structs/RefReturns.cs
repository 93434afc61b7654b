namespace Conformance.Structs
{
    /// <summary>ref returns and ref locals: writing through a returned reference, ref reassignment, ref to array elements.</summary>
    public static class RefReturns
    {
        private static int[] s_data = { 1, 2, 3, 4 };

        private static ref int Largest(int[] xs)
        {
            int best = 0;
            for (int i = 1; i < xs.Length; i++) if (xs[i] > xs[best]) best = i;
            return ref xs[best];
        }

        private struct Pair { public int A, B; }
        private static ref int Pick(ref Pair p, bool first) => ref first ? ref p.A : ref p.B;

        public static int Main()
        {
            Largest(s_data) = 0;
            if (s_data[3] != 0) return 1;
            ref int r = ref s_data[0];
            r = 10;
            if (s_data[0] != 10) return 2;
            r = ref s_data[1];
            r += 5;
            if (s_data[1] != 7 || s_data[0] != 10) return 3;
            var p = new Pair();
            Pick(ref p, false) = 9;
            if (p.B != 9 || p.A != 0) return 4;
            ref readonly int ro = ref s_data[2];
            if (ro != 3) return 5;
            return 100;
        }
    }
}
