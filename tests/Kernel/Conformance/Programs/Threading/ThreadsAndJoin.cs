using System.Threading;

namespace Conformance.Threading
{
    /// <summary>Threads run their delegate, see their own ids, and Join waits for them; contended Interlocked and lock counts are exact.</summary>
    public static class ThreadsAndJoin
    {
        private static int s_atomic;
        private static long s_locked;
        private static readonly object s_gate = new object();

        public static int Main()
        {
            int mainId = System.Environment.CurrentManagedThreadId;
            var ids = new int[4];
            var threads = new Thread[4];
            for (int t = 0; t < threads.Length; t++)
            {
                int slot = t;
                threads[t] = new Thread(() =>
                {
                    ids[slot] = System.Environment.CurrentManagedThreadId;
                    for (int i = 0; i < 10000; i++)
                    {
                        Interlocked.Increment(ref s_atomic);
                        lock (s_gate) s_locked++;
                    }
                });
                threads[t].Start();
            }
            foreach (var th in threads) th.Join();
            if (s_atomic != 40000 || s_locked != 40000) return 1;
            for (int t = 0; t < 4; t++)
            {
                if (ids[t] == mainId || ids[t] != threads[t].ManagedThreadId) return 2;
                for (int u = 0; u < t; u++) if (ids[u] == ids[t]) return 3;
            }
            return 100;
        }
    }
}
