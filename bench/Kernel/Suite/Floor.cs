using System.Threading;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Bench
{
    /// <summary>
    /// The physical floor and the clock: the cost of reading the TSC twice, the round trip of one
    /// cache line between two CPUs, and the apparent skew between two CPUs' TSCs.
    /// </summary>
    public static unsafe class Floor
    {
        /// <summary>rdtsc: two stamps back to back (the overhead inside every other sample).</summary>
        public static Result Rdtsc(Config config)
        {
            var r = new Result("rdtsc", config);
            while (!r.Full)
            {
                long t0 = Bench.Now;
                long t1 = Bench.Now;
                r.Add(t1 - t0);
            }
            return r;
        }

        private const int Quit = -1;

        private struct Shared
        {
            public int* Flag;        // on a cache line of its own
            public long* Stamps;     // the responder's stamps (skew run), its own memory during the run
            public int Rounds;
            public int ResponderCpu;
        }

        // The other side: waits for an odd value, answers with the next even one. Nothing else.
        private static long Respond(void* arg)
        {
            Shared* s = (Shared*)arg;
            int* flag = s->Flag;
            long* stamps = s->Stamps;
            s->ResponderCpu = Bench.ThisCpu;
            for (int k = 0; ; k++)
            {
                int expect = 2 * k + 1, v;
                while ((v = Volatile.Read(ref *flag)) != expect && v != Quit) { }
                if (v == Quit) return k;
                if (stamps != null) stamps[k] = Bench.Now;
                Volatile.Write(ref *flag, expect + 1);
            }
        }

        /// <summary>
        /// pingpong: CPU 0 writes a flag, a thread on CPU 1 spinning on it writes it back, CPU 0
        /// sees the answer. One sample = one round trip of the line, timed on CPU 0 alone.
        /// </summary>
        public static Result PingPong(Config config) => Run("pingpong", config, skew: false);

        /// <summary>
        /// tsc.skew: the same round trip, the responder also stamping when it sees the flag. Sample
        /// = (there − start) − (back − there): 0 when the two TSCs agree and the line travels equally
        /// fast both ways; twice the offset of CPU 1's TSC otherwise. Cross-CPU samples of the other
        /// benchmarks are only meaningful when this is small against them.
        /// </summary>
        public static Result TscSkew(Config config) => Run("tsc.skew", config, skew: true);

        private static Result Run(string name, Config config, bool skew)
        {
            var r = new Result(name, config);
            int total = config.Total;
            Shared* s = (Shared*)Bench.Lines(sizeof(Shared));
            s->Flag = (int*)Bench.Lines(Bench.CacheLine);
            s->Rounds = total;
            long* starts = skew ? (long*)Bench.Lines(total * 8) : null;
            long* ends = skew ? (long*)Bench.Lines(total * 8) : null;
            s->Stamps = skew ? (long*)Bench.Lines(total * 8) : null;
            int* flag = s->Flag;

            Thread* responder = Thread.Launch(&Respond, s, cpu: 1);
            for (int k = 0; k < total; k++)
            {
                long t0 = Bench.Now;
                Volatile.Write(ref *flag, 2 * k + 1);
                while (Volatile.Read(ref *flag) != 2 * k + 2) { }
                long t1 = Bench.Now;
                if (skew) { starts[k] = t0; ends[k] = t1; }
                else r.Add(t1 - t0);
            }
            Volatile.Write(ref *flag, Quit);
            long answered = Thread.Join(responder);

            if (skew)
                for (int k = 0; k < total; k++)
                {
                    long there = s->Stamps[k];
                    // Where the stamp falls is the clocks' agreement, which this row reports.
                    r.Add((there - starts[k]) - (ends[k] - there));
                }
            for (int i = 0; i < r.Count; i++) r.Expect("responder ran on CPU 1", s->ResponderCpu == 1);
            for (int i = 0; i < r.Count; i++) r.Expect("every round was answered", answered == total);
            return r;
        }
    }
}
