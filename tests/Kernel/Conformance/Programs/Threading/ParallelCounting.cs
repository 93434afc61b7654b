using System;
using System.Collections.Generic;

namespace Conformance.Threading
{
    /// <summary>Several threads update shared counters under Interlocked and under a SpinLock and agree on the total.</summary>
    public static class ParallelCounting
    {
        private static long s_sum;
        private static int s_count;
        private static System.Threading.SpinLock s_lock = new System.Threading.SpinLock(false);

        public static int Main()
        {
            var threads = new System.Threading.Thread[3];
            for (int t = 0; t < threads.Length; t++)
            {
                int id = t + 1;
                threads[t] = new System.Threading.Thread(() =>
                {
                    for (int i = 0; i < 5000; i++)
                    {
                        System.Threading.Interlocked.Add(ref s_sum, id);
                        bool taken = false;
                        s_lock.Enter(ref taken);
                        s_count++;
                        s_lock.Exit();
                    }
                });
                threads[t].Start();
            }
            foreach (var th in threads) th.Join();
            if (s_sum != 5000 * (1 + 2 + 3) || s_count != 15000) return 1;
            return 100;
        }
    }
}
