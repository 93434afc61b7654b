using System;

namespace Nacre.Runtimes.Parallel
{
    /// <summary>
    /// The runtime's entry points: start the workers, run work on them from outside, and the
    /// platform services an application needs (cycle clock, memory). The same on the Aerokernel
    /// and on Linux.
    /// <code>
    /// Runtime.Start();                          // a worker bound to every CPU
    /// long r = Runtime.Run(() =&gt; Fib(30));     // run on the workers, wait for the result
    /// </code>
    /// </summary>
    public static unsafe class Runtime
    {
        /// <summary>Starts one worker per CPU 0..workers-1 (0: every CPU). Once per process; a second call with the same count does nothing.</summary>
        public static void Start(int workers = 0) => WorkStealingScheduler.Start(workers);

        public static bool Started => WorkStealingScheduler.Started;

        /// <summary>How many workers run (0 before Start).</summary>
        public static int Workers => WorkStealingScheduler.Count;

        /// <summary>The calling worker's index (its CPU), or -1 on a thread that is not a worker.</summary>
        public static int WorkerIndex
        {
            get
            {
                Worker* w = WorkStealingScheduler.Current;
                return w == null ? -1 : w->Index;
            }
        }

        /// <summary>How many CPUs the platform offers.</summary>
        public static int CpuCount => Platform.CpuCount();

        /// <summary>Runs function(argument) on the workers and returns when it and everything it spawned are done; on a worker, just calls it.</summary>
        public static void Run(delegate*<long, void> function, long argument)
        {
            var call = new Call { Function = function, Argument = argument };
            Enter(&RunCall, &call);
        }

        /// <summary>Runs body on the workers (a closure: one allocation).</summary>
        public static void Run(Action body)
        {
            var call = new Call { Body = body };
            Enter(&RunCall, &call);
        }

        /// <summary>Runs body on the workers and returns its result.</summary>
        public static T Run<T>(Func<T> body)
        {
            var call = new Call<T> { Body = body };
            Enter(&Call<T>.Execute, &call);
            return call.Result;
        }

        private struct Call
        {
            public delegate*<long, void> Function;
            public long Argument;
            public Action Body;
        }

        private struct Call<T>
        {
            public Func<T> Body;
            public T Result;
            public static void Execute(void* state) => ((Call<T>*)state)->Result = ((Call<T>*)state)->Body();
        }

        private static void RunCall(void* state)
        {
            var c = (Call*)state;
            if (c->Function != null) c->Function(c->Argument);
            else c->Body();
        }

        /// <summary>Calls function(state) on a worker: here if the caller is one, else submitted (starting the runtime if needed).</summary>
        internal static void Enter(delegate*<void*, void> function, void* state)
        {
            if (WorkStealingScheduler.Current != null)
            {
                function(state);
                return;
            }
            if (!WorkStealingScheduler.Started) WorkStealingScheduler.Start(0);
            Job job = default;
            job.Set(function, state);
            WorkStealingScheduler.Submit(&job);
        }

        /// <summary>The cycle counter (TSC).</summary>
        public static ulong Cycles => Platform.Cycles();

        /// <summary>Cycles per second of Cycles.</summary>
        public static ulong CycleHz => Platform.CycleHz();

        public static ulong CyclesToNs(ulong cycles)
        {
            ulong hz = Platform.CycleHz();
            return cycles / hz * 1_000_000_000UL + cycles % hz * 1_000_000_000UL / hz;
        }

        /// <summary>bytes of zeroed, 64-byte-aligned memory (never moved by a GC).</summary>
        public static void* Allocate(nuint bytes) => Platform.Allocate(bytes);

        /// <summary>count zeroed elements of T.</summary>
        public static T* Allocate<T>(long count) where T : unmanaged => (T*)Platform.Allocate((nuint)(count * sizeof(T)));

        public static void Free(void* memory) => Platform.Free(memory);

        /// <summary>Counters summed over the workers: spawns, steals, parks, spawns run inline.</summary>
        public static RuntimeStatistics Statistics
        {
            get
            {
                var s = new RuntimeStatistics();
                for (int i = 0; i < WorkStealingScheduler.Count; i++)
                {
                    Worker* w = WorkStealingScheduler.Get(i);
                    s.Spawns += w->Spawns;
                    s.Steals += w->Steals;
                    s.Parks += w->Parks;
                    s.Inline += w->Inline;
                }
                return s;
            }
        }
    }

    public struct RuntimeStatistics
    {
        public long Spawns, Steals, Parks, Inline;
    }
}
