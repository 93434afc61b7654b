namespace Conformance.Calls
{
    /// <summary>Deep, mutual and tail-position recursion with value and reference arguments.</summary>
    public static class Recursion
    {
        private static bool IsEven(int n) => n == 0 || IsOdd(n - 1);
        private static bool IsOdd(int n) => n != 0 && IsEven(n - 1);
        private static long SumTo(long n, long acc) => n == 0 ? acc : SumTo(n - 1, acc + n);
        private static int Ackermann(int m, int n) => m == 0 ? n + 1 : n == 0 ? Ackermann(m - 1, 1) : Ackermann(m - 1, Ackermann(m, n - 1));
        private static string Reverse(string s) => s.Length <= 1 ? s : Reverse(s.Substring(1)) + s[0];

        public static int Main()
        {
            if (!IsEven(1000) || IsOdd(1000)) return 1;
            if (SumTo(10000, 0) != 50005000) return 2;
            if (Ackermann(2, 3) != 9) return 3;
            if (Reverse("recursion") != "noisrucer") return 4;
            return 100;
        }
    }
}
