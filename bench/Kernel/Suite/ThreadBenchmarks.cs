using Nacre.Abi;
using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Bench
{
    /// <summary>Thread launch on another CPU, create + join on one CPU, and the yield switch.</summary>
    public static unsafe class ThreadBenchmarks
    {
        private struct Slot
        {
            public long Stop;
            public int Cpu;
            public int ThreadId;
            public int Done;
        }

        // The launched thread's first act: stamp, then say where and who it is.
        private static long Stamp(void* arg)
        {
            long now = Bench.Now;
            Slot* s = (Slot*)arg;
            s->Stop = now;
            s->Cpu = Bench.ThisCpu;
            s->ThreadId = Thread.Current->Id;
            Volatile.Write(ref s->Done, 1);
            return 0;
        }

        /// <summary>
        /// launch.poll / launch.halt: CPU 0 stamps, then Thread.Launch(entry, cpu: 1) (create +
        /// start); the new thread's entry stamps first thing. Sample = its stamp − CPU 0's. CPU 1
        /// idles with the given policy between samples (under Halt it is in hlt when launched).
        /// The thread is joined outside the timed interval.
        /// </summary>
        public static Result Launch(Config config, IdlePolicy policy)
        {
            const int Target = 1;
            var r = new Result("launch." + Bench.IdlePolicyName(policy), config);
            Slot* slot = (Slot*)Bench.Lines(sizeof(Slot));
            ThreadScheduler.SetIdlePolicy(Target, policy);
            int mainId = Thread.Current->Id;
            while (!r.Full)
            {
                *slot = default;
                Bench.WaitReady(Target, policy);
                bool wasHalted = ThreadScheduler.IsHalted(Target);
                ParkBlock parks = IdleParking.CountsOf(Target);
                long t0 = Bench.Now;
                Thread* t = Thread.Launch(&Stamp, slot, cpu: Target);
                Bench.WaitFor(&slot->Done, 1, "the launched thread");
                int id = t->Id;
                Thread.Join(t);
                if (!r.Add(slot->Stop - t0)) continue;
                r.Expect("stop stamp taken on the target CPU", slot->Cpu == Target);
                r.Expect("stop stamp taken by the launched thread", slot->ThreadId == id && id != mainId);
                r.Expect("stop after start", slot->Stop > t0);
                if (policy == IdlePolicy.Halt) r.Expect("target CPU was halted at launch", wasHalted);
                if (policy == IdlePolicy.Halt && IdleParking.Enabled) r.Expect("target parked in the VMM, woken by the kick (not its deadline)", Bench.ParkEndedByKick(Target, parks));
            }
            return r;
        }

        /// <summary>
        /// createjoin: on CPU 0, stamp, Thread.Create(entry, cpu: 0) + Start + Join, stamp. The
        /// entry returns at once; the calling thread blocks in Join and the new thread runs then.
        /// </summary>
        public static Result CreateJoin(Config config)
        {
            var r = new Result("createjoin", config);
            Slot* slot = (Slot*)Bench.Lines(sizeof(Slot));
            int self = Bench.ThisCpu;
            while (!r.Full)
            {
                slot->Done = 0;
                long t0 = Bench.Now;
                Thread* t = Thread.Create(&Stamp, slot, cpu: self);
                Thread.Start(t);
                Thread.Join(t);
                long t1 = Bench.Now;
                if (!r.Add(t1 - t0)) continue;
                r.Expect("the thread ran, on the creating CPU", slot->Done == 1 && slot->Cpu == self);
                r.Expect("the thread ran inside the interval", slot->Stop > t0 && slot->Stop < t1);
            }
            return r;
        }

        private struct YieldState
        {
            public long Last;          // stamp just before the last Yield
            public int LastBy;         // the thread that took it
            public int Kept;           // samples taken (warm-up included)
            public int Total;
            public int Wrong;          // samples taken on another CPU (must stay 0)
            public int Cpu;
            public long* Samples;
        }

        // Both threads: stamp when Yield returns; if the other thread stamped last, that interval
        // is one switch (its Yield → our return). Then stamp and yield ourselves.
        private static long YieldLoop(void* arg)
        {
            YieldState* s = (YieldState*)arg;
            int me = Thread.Current->Id;
            while (true)
            {
                long now = Bench.Now;
                if (s->Last != 0 && s->LastBy != me)
                {
                    if (s->Kept >= s->Total) return 0;
                    if (Bench.ThisCpu != s->Cpu) s->Wrong++;
                    s->Samples[s->Kept++] = now - s->Last;
                }
                if (s->Kept >= s->Total) return 0;
                s->LastBy = me;
                s->Last = Bench.Now;
                Thread.Yield();
            }
        }

        /// <summary>
        /// yield: two threads on CPU 0 (the caller blocked in Join), each stamping after its Yield
        /// returns and just before yielding again. Sample = the other thread's pre-Yield stamp to
        /// this thread's post-Yield stamp: one switch from a yielding thread to the next.
        /// </summary>
        public static Result Yield(Config config)
        {
            var r = new Result("yield", config);
            YieldState* s = (YieldState*)Bench.Lines(sizeof(YieldState));
            s->Total = config.Total;
            s->Cpu = Bench.ThisCpu;
            s->Samples = (long*)Bench.Lines(config.Total * 8);
            Thread* a = Thread.Launch(&YieldLoop, s, cpu: s->Cpu);
            Thread* b = Thread.Launch(&YieldLoop, s, cpu: s->Cpu);
            Thread.Join(a);
            Thread.Join(b);
            for (int i = 0; i < s->Kept; i++)
                if (r.Add(s->Samples[i])) r.Expect("every sample is a switch between the two threads on one CPU", s->Wrong == 0);
            return r;
        }
    }
}
