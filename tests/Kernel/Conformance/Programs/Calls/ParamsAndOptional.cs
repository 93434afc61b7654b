namespace Conformance.Calls
{
    /// <summary>params arrays, optional and named arguments, out and ref parameters.</summary>
    public static class ParamsAndOptional
    {
        private static int Sum(params int[] xs) { int s = 0; foreach (int x in xs) s += x; return s; }
        private static string Join(string a, string sep = ",", string b = "z") => a + sep + b;
        private static bool TryHalf(int x, out int half) { half = x / 2; return x % 2 == 0; }
        private static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }

        public static int Main()
        {
            if (Sum() != 0 || Sum(1) != 1 || Sum(1, 2, 3) != 6) return 1;
            if (Sum(new[] { 4, 5 }) != 9) return 2;
            if (Join("a") != "a,z" || Join("a", b: "q") != "a,q" || Join(sep: "-", a: "x") != "x-z") return 3;
            if (!TryHalf(10, out int h) || h != 5) return 4;
            if (TryHalf(7, out _)) return 5;
            int p = 1, q = 2;
            Swap(ref p, ref q);
            if (p != 2 || q != 1) return 6;
            return 100;
        }
    }
}
