namespace Conformance.Statics
{
    /// <summary>Statics ilc can compute at compile time (arrays of constants, computed readonly values) read correctly.</summary>
    public static class PreinitializedStatics
    {
        private static readonly int[] s_squares = Squares(10);
        private static readonly string[] s_names = { "zero", "one", "two" };
        private static readonly int s_sum = 1 + 2 + 3 + 4;
        private static readonly (int, string) s_tuple = (7, "seven");

        private static int[] Squares(int n) { var a = new int[n]; for (int i = 0; i < n; i++) a[i] = i * i; return a; }

        public static int Main()
        {
            if (s_squares[9] != 81 || s_squares.Length != 10) return 1;
            if (s_names[2] != "two") return 2;
            if (s_sum != 10) return 3;
            if (s_tuple.Item1 != 7 || s_tuple.Item2 != "seven") return 4;
            s_squares[0] = -1;
            if (s_squares[0] != -1) return 5;
            return 100;
        }
    }
}
