using Nacre.Abi;
using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Sync;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Bench
{
    /// <summary>Condition-variable wake-ups across CPUs (one waiter, all waiters) and barrier rounds.</summary>
    public static unsafe class WakeBenchmarks
    {
        private struct Waiter
        {
            public long Stop;          // stamp right after Wait returned
            public int StopCpu;
            public int Done;           // the last round this waiter saw
            public Thread* Thread;
            public int Cpu;
            public fixed byte Pad[32];
        }

        private struct CvState
        {
            public Mutex Lock;
            public CondVar Cv;
            public int Round;          // the predicate: waiters wait for a new round
            public int Quit;
            public Waiter* Waiters;    // one per waiting CPU, each on its own line
        }

        private struct WaiterArg { public CvState* State; public Waiter* Me; }

        // A waiter: the usual loop (lock, predicate, Wait), stamping the moment Wait returns.
        private static long Wait(void* arg)
        {
            CvState* s = ((WaiterArg*)arg)->State;
            Waiter* me = ((WaiterArg*)arg)->Me;
            s->Lock.Acquire();
            int seen = 0;
            while (true)
            {
                while (Volatile.Read(ref s->Round) == seen) s->Cv.Wait(ref s->Lock);
                long now = Bench.Now;
                me->Stop = now;
                me->StopCpu = Bench.ThisCpu;
                seen = s->Round;
                Volatile.Write(ref me->Done, seen);
                if (Volatile.Read(ref s->Quit) != 0) break;
            }
            s->Lock.Release();
            return 0;
        }

        /// <summary>
        /// condvar.poll / condvar.halt: a waiter thread on CPU 1 blocks in CondVar.Wait; CPU 0
        /// advances the predicate under the mutex, releases it, stamps and calls Signal. Sample =
        /// the waiter's stamp after Wait returns − CPU 0's stamp before Signal. Before each sample
        /// the waiter is blocked and CPU 1 idle (in hlt under Halt).
        /// </summary>
        public static Result Signal(Config config, IdlePolicy policy) => Run("condvar." + Bench.IdlePolicyName(policy), config, policy, broadcast: false);

        /// <summary>
        /// broadcast.poll / broadcast.halt: one waiter on each other CPU; CPU 0 stamps and calls
        /// Broadcast. Sample = the last waiter's stamp − CPU 0's (all CPUs woken).
        /// </summary>
        public static Result Broadcast(Config config, IdlePolicy policy) => Run("broadcast." + Bench.IdlePolicyName(policy), config, policy, broadcast: true);

        private static Result Run(string name, Config config, IdlePolicy policy, bool broadcast)
        {
            var r = new Result(name, config);
            int waiters = broadcast ? Nacre.Cpus.Cpus.Count - 1 : 1;
            CvState* s = (CvState*)Bench.Lines(sizeof(CvState));
            s->Waiters = (Waiter*)Bench.Lines(waiters * sizeof(Waiter));
            WaiterArg* args = (WaiterArg*)Bench.Lines(waiters * sizeof(WaiterArg));
            Bench.SetOthersIdlePolicy(policy);
            ParkBlock* parks = stackalloc ParkBlock[waiters];
            for (int i = 0; i < waiters; i++)
            {
                Waiter* w = &s->Waiters[i];
                w->Cpu = i + 1;
                args[i].State = s;
                args[i].Me = w;
                w->Thread = Thread.Launch(&Wait, &args[i], cpu: w->Cpu);
            }

            for (int round = 1; !r.Full; round++)
            {
                bool allBlocked = true, allHalted = true;
                for (int i = 0; i < waiters; i++)
                {
                    Waiter* w = &s->Waiters[i];
                    Bench.WaitReady(w->Cpu, policy);
                    allBlocked &= w->Thread->State == ThreadState.Blocked;
                    allHalted &= ThreadScheduler.IsHalted(w->Cpu);
                    parks[i] = IdleParking.CountsOf(w->Cpu);
                }
                s->Lock.Acquire();
                Volatile.Write(ref s->Round, round);
                s->Lock.Release();
                long t0 = Bench.Now;
                if (broadcast) s->Cv.Broadcast(); else s->Cv.Signal();
                long last = long.MinValue;
                bool onTheirCpus = true;
                for (int i = 0; i < waiters; i++)
                {
                    Waiter* w = &s->Waiters[i];
                    Bench.WaitFor(&w->Done, round, "a woken waiter");
                    if (w->Stop > last) last = w->Stop;
                    onTheirCpus &= w->StopCpu == w->Cpu;
                }
                if (!r.Add(last - t0)) continue;
                r.Expect("wake stamp taken on the woken CPU", onTheirCpus);
                r.Expect("waiters were blocked when signalled", allBlocked);
                if (policy == IdlePolicy.Halt) r.Expect("waiting CPUs were halted when signalled", allHalted);
                if (policy == IdlePolicy.Halt && IdleParking.Enabled)
                {
                    bool kicked = true;
                    for (int i = 0; i < waiters; i++) kicked &= Bench.ParkEndedByKick(s->Waiters[i].Cpu, parks[i]);
                    r.Expect("waiting CPUs parked in the VMM, woken by the kick (not their deadline)", kicked);
                }
            }

            s->Lock.Acquire();
            Volatile.Write(ref s->Quit, 1);
            Volatile.Write(ref s->Round, s->Round + 1);
            s->Lock.Release();
            s->Cv.Broadcast();
            for (int i = 0; i < waiters; i++) Thread.Join(s->Waiters[i].Thread);
            return r;
        }

        private struct BarrierState
        {
            public Nacre.Sync.Barrier Barrier;
            public CoreBarrier CoreBarrier;
            public int Rounds;
            public int Spinning;       // 1: CoreBarrier, 0: Barrier
            public int WrongCpu;
        }

        private static long Arrive(void* arg)
        {
            BarrierState* s = (BarrierState*)arg;
            for (int k = 0; k < s->Rounds; k++)
            {
                if (s->Spinning != 0) s->CoreBarrier.Arrive(); else s->Barrier.Arrive();
            }
            return 0;
        }

        /// <summary>
        /// barrier.poll / barrier.halt (Barrier: threads sleep) and corebarrier (CoreBarrier: CPUs
        /// spin): one participant per CPU, back-to-back rounds with no work between. Sample = the
        /// time between CPU 0's consecutive departures: one full round (all arrive, all released).
        /// </summary>
        public static Result Barrier(Config config, IdlePolicy policy, bool spinning)
        {
            var r = new Result(spinning ? "corebarrier" : "barrier." + Bench.IdlePolicyName(policy), config);
            int cpus = Nacre.Cpus.Cpus.Count;
            BarrierState* s = (BarrierState*)Bench.Lines(sizeof(BarrierState));
            s->Barrier = new Nacre.Sync.Barrier(cpus);
            s->CoreBarrier = new CoreBarrier(cpus);
            s->Rounds = config.Total + 1;
            s->Spinning = spinning ? 1 : 0;
            Bench.SetOthersIdlePolicy(policy);
            Thread** threads = stackalloc Thread*[cpus];
            for (int cpu = 1; cpu < cpus; cpu++) threads[cpu] = Thread.Launch(&Arrive, s, cpu: cpu);

            long previous = 0;
            for (int k = 0; k < s->Rounds; k++)
            {
                if (spinning) s->CoreBarrier.Arrive(); else s->Barrier.Arrive();
                long now = Bench.Now;
                if (k > 0 && r.Add(now - previous))
                    r.Expect("one participant per CPU", cpus >= 2);
                previous = now;
            }
            for (int cpu = 1; cpu < cpus; cpu++) Thread.Join(threads[cpu]);
            return r;
        }
    }
}
