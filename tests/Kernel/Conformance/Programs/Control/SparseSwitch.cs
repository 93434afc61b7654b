namespace Conformance.Control
{
    /// <summary>switch over sparse values, longs, chars and enums (binary search of cases).</summary>
    public static class SparseSwitch
    {
        private enum Op { Add = 1, Sub = 5, Mul = 100, Div = 1000 }
        private static int Sparse(long x) => x switch { -1000000000000 => 1, 7 => 2, 1000 => 3, 1L << 40 => 4, _ => 0 };
        private static int Apply(Op op, int a, int b) { switch (op) { case Op.Add: return a + b; case Op.Sub: return a - b; case Op.Mul: return a * b; case Op.Div: return a / b; } return 0; }
        private static int Kind(char c) { switch (c) { case 'a': case 'e': case 'i': case 'o': case 'u': return 1; case ' ': return 2; default: return 0; } }

        public static int Main()
        {
            if (Sparse(-1000000000000) != 1 || Sparse(7) != 2 || Sparse(1000) != 3 || Sparse(1L << 40) != 4 || Sparse(8) != 0) return 1;
            if (Apply(Op.Add, 6, 3) != 9 || Apply(Op.Sub, 6, 3) != 3 || Apply(Op.Mul, 6, 3) != 18 || Apply(Op.Div, 6, 3) != 2) return 2;
            if (Apply((Op)2, 1, 1) != 0) return 3;
            int vowels = 0, spaces = 0;
            foreach (char c in "a quiet evening".ToCharArray()) { int k = Kind(c); if (k == 1) vowels++; else if (k == 2) spaces++; }
            if (vowels != 7 || spaces != 2) return 4;
            return 100;
        }
    }
}
