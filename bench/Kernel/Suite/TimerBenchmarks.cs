using System.Threading;
using Nacre.Threads;
using Nacre.Timing;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Bench
{
    /// <summary>Timer accuracy: how late a one-shot timer callback, or a sleeping thread, runs.</summary>
    public static unsafe class TimerBenchmarks
    {
        private struct Fired { public long Stop; public int Count; public int Cpu; }

        private static void OnTimer(void* arg)
        {
            long now = Bench.Now;
            Fired* f = (Fired*)arg;
            f->Stop = now;
            f->Cpu = Bench.ThisCpu;
            Volatile.Write(ref f->Count, f->Count + 1);
        }

        /// <summary>
        /// timer.&lt;D&gt;: on CPU 0, stamp, Timer.Arm(D); the callback stamps first thing. Sample =
        /// lateness = callback stamp − (start stamp + D in cycles); negative would be early.
        /// </summary>
        public static Result Timer(Config config, ulong delayNs)
        {
            var r = new Result("timer." + Microseconds(delayNs), config);
            Fired* f = (Fired*)Bench.Lines(sizeof(Fired));
            var timer = new Nacre.Timing.Timer(&OnTimer, f);
            long delay = (long)Time.NsToCycles(delayNs);
            for (int k = 1; !r.Full; k++)
            {
                long t0 = Bench.Now;
                timer.Arm(delayNs);
                Bench.WaitFor(&f->Count, k, "a timer callback");
                if (!r.Add(f->Stop - t0 - delay)) continue;
                r.Expect("callback ran on the timer's CPU", f->Cpu == timer.Cpu);
                r.Expect("callback not early", f->Stop >= t0 + delay);
            }
            return r;
        }

        /// <summary>sleep.&lt;D&gt;: stamp, Thread.Sleep(D), stamp. Sample = lateness = elapsed − D in cycles.</summary>
        public static Result Sleep(Config config, ulong delayNs)
        {
            var r = new Result("sleep." + Microseconds(delayNs), config);
            long delay = (long)Time.NsToCycles(delayNs);
            while (!r.Full)
            {
                long t0 = Bench.Now;
                Thread.Sleep(delayNs);
                long t1 = Bench.Now;
                if (r.Add(t1 - t0 - delay)) r.Expect("woke no earlier than asked", t1 - t0 >= delay);
            }
            return r;
        }

        public static string Microseconds(ulong ns) => (ns / 1000).ToString() + "us";
    }
}
