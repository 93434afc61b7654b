namespace Conformance.Statics
{
    /// <summary>Static fields of every kind: primitives, structs, references, readonly, const, generic per-instantiation.</summary>
    public static class StaticFields
    {
        private struct Pair { public int A; public long B; }
        private const int Answer = 42;
        private static readonly string s_name = "nacre";
        private static Pair s_pair;
        private static double s_d = 1.25;
        private static int[] s_table = { 1, 2, 3 };
        private static class Counter<T> { public static int N; }

        public static int Main()
        {
            s_pair.A = 3;
            s_pair.B += 4;
            if (s_pair.A + s_pair.B != 7) return 1;
            if (Answer + s_name.Length != 47) return 2;
            s_d *= 2;
            if (s_d != 2.5) return 3;
            s_table[1] = 20;
            if (s_table[0] + s_table[1] + s_table[2] != 24) return 4;
            Counter<int>.N++; Counter<int>.N++; Counter<string>.N++;
            if (Counter<int>.N != 2 || Counter<string>.N != 1 || Counter<long>.N != 0) return 5;
            return 100;
        }
    }
}
