namespace Conformance.Control
{
    /// <summary>Tuples of four to ten elements: fields past the seventh (nested in Rest), equality, ToString, deconstruction.</summary>
    public static class WideTuples
    {
        private static (int, int, int, int) Four() => (1, 2, 3, 4);

        public static int Main()
        {
            var four = Four();
            if (four.Item4 != 4 || four != (1, 2, 3, 4)) return 1;
            var (a, b, c, d) = four;
            if (a + b + c + d != 10) return 2;
            var nine = (1, "two", 3.5, 'f', 5L, (byte)6, 7, 8, "nine");
            if (nine.Item8 != 8 || nine.Item9 != "nine" || nine.Rest.Item2 != "nine") return 3;
            if (nine.ToString() != "(1, two, 3.5, f, 5, 6, 7, 8, nine)") return 4;
            var ten = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            var same = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            if (ten != same || !ten.Equals(same) || ten.GetHashCode() != same.GetHashCode()) return 5;
            if (ten == (1, 2, 3, 4, 5, 6, 7, 8, 9, 11)) return 6;
            (int p, int q, int r, int s, int t, int u, int v, int w) = (8, 7, 6, 5, 4, 3, 2, 1);
            if (p * 10 + w != 81 || v != 2) return 7;
            var named = (Name: "n", Count: 3, Ok: true, Ratio: 0.5f, Tag: 'x');
            if (named.Tag != 'x' || named.ToString() != "(n, 3, True, 0.5, x)") return 8;
            return 100;
        }
    }
}
