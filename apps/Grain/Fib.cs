using Nacre.Runtimes.Parallel;

namespace Nacre.Apps
{
    /// <summary>
    /// Task-parallel recursion with a cutoff: fib(n) forks its left half at every node with
    /// n ≥ cutoff and recurses serially below it. The total work is fixed by n; the cutoff sets
    /// the grain (the serial work per spawned task), from coarse to a few nanoseconds.
    /// </summary>
    public static unsafe class Fib
    {
        private static long s_cutoff;

        public static long Parallel(long n)
        {
            if (n < s_cutoff) return Serial(n);
            var left = new Future<long>();
            left.Spawn(&Parallel, n - 1);
            long right = Parallel(n - 2);
            return left.Get() + right;
        }

        public static long Serial(long n) => n < 2 ? n : Serial(n - 1) + Serial(n - 2);

        /// <summary>Runs fib(n) on the workers; returns the cycles spent.</summary>
        public static ulong Solve(int n, int cutoff, out long result)
        {
            s_cutoff = cutoff < 2 ? 2 : cutoff;
            ulong start = Runtime.Cycles;
            result = Runtime.Run(() => Parallel(n));
            return Runtime.Cycles - start;
        }

        /// <summary>fib(n) by iteration: what the parallel recursion must return.</summary>
        public static long Exact(int n)
        {
            long a = 0, b = 1;
            for (int i = 0; i < n; i++) { long t = a + b; a = b; b = t; }
            return a;
        }

        /// <summary>How many tasks the recursion spawns: one per node with n ≥ cutoff.</summary>
        public static long Spawns(int n, int cutoff)
        {
            if (cutoff < 2) cutoff = 2;
            long previous = 0, current = 0;     // spawns(k - 1), spawns(k)
            for (int k = 1; k <= n; k++)
            {
                long next = k < cutoff ? 0 : 1 + current + previous;
                previous = current;
                current = next;
            }
            return n < 1 ? 0 : current;
        }
    }
}
