using System;

namespace Conformance.Delegates
{
    /// <summary>Static lambdas (cached delegates), lambdas over struct state, and delegates stored in fields and arrays.</summary>
    public static class StaticLambdas
    {
        private static Func<int, int> s_square = static x => x * x;
        private struct Counter { public int N; }

        private static Func<int> Snapshot(Counter c) => () => c.N;

        public static int Main()
        {
            if (s_square(12) != 144) return 1;
            Func<int, int> a = static x => x + 1, b = static x => x + 1;
            if (a(1) != b(1)) return 2;
            var c = new Counter { N = 3 };
            var snap = Snapshot(c);
            c.N = 99;
            if (snap() != 3) return 3;
            var table = new Func<int, int>[] { x => x, x => -x, s_square };
            int sum = 0;
            foreach (var f in table) sum += f(3);
            if (sum != 9) return 4;
            return 100;
        }
    }
}
