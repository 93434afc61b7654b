using System.Threading;

namespace Conformance.Threading
{
    /// <summary>AutoResetEvent releases one waiter per Set; ManualResetEventSlim stays open; waits time out.</summary>
    public static class ResetEvents
    {
        public static int Main()
        {
            var go = new ManualResetEventSlim(false);
            var done = new AutoResetEvent(false);
            int seen = 0;
            var worker = new Thread(() =>
            {
                go.Wait();
                Interlocked.Increment(ref seen);
                done.Set();
            });
            worker.Start();
            if (go.Wait(5) || go.IsSet) return 1;
            go.Set();
            if (!done.WaitOne(10000) || seen != 1) return 2;
            worker.Join();
            if (done.WaitOne(5)) return 3;                // auto-reset: already consumed
            done.Set();
            if (!done.WaitOne(0) || done.WaitOne(0)) return 4;
            if (!go.Wait(0)) return 5;                    // manual: stays set
            go.Reset();
            if (go.IsSet) return 6;
            var manual = new ManualResetEvent(true);
            if (!manual.WaitOne(0) || !manual.WaitOne(0)) return 7;
            return 100;
        }
    }
}
