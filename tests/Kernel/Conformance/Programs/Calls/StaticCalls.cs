namespace Conformance.Calls
{
    /// <summary>call to static methods: many arguments of mixed types, recursion, overload resolution.</summary>
    public static class StaticCalls
    {
        private static long Mix(int a, long b, double c, byte d, short e, float f, int g, long h, double i, int j)
            => a + b + (long)c + d + e + (long)f + g + h + (long)i + j;

        private static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
        private static int Pick(int x) => 1;
        private static int Pick(long x) => 2;
        private static int Pick(object x) => 3;
        private static int Pick(string x) => 4;

        public static int Main()
        {
            if (Mix(1, 2, 3.5, 4, 5, 6.5f, 7, 8, 9.9, 10) != 55) return 1;
            if (Fib(20) != 6765) return 2;
            if (Pick(1) != 1 || Pick(1L) != 2 || Pick(1.0) != 3 || Pick("s") != 4) return 3;
            return 100;
        }
    }
}
