namespace Conformance.Calls
{
    /// <summary>Local functions: static, capturing (by ref struct closure), recursive, generic.</summary>
    public static class LocalFunctions
    {
        public static int Main()
        {
            int counter = 0;
            void Bump(int by) => counter += by;
            static int Fact(int n) => n <= 1 ? 1 : n * Fact(n - 1);
            T First<T>(T[] xs) => xs[0];
            Bump(3); Bump(4);
            if (counter != 7) return 1;
            if (Fact(10) != 3628800) return 2;
            if (First(new[] { "a", "b" }) != "a") return 3;
            int Depth(int n) { counter++; return n == 0 ? 0 : 1 + Depth(n - 1); }
            if (Depth(5) != 5 || counter != 13) return 4;
            return 100;
        }
    }
}
