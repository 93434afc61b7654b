using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Diagnostics;
using Nacre.Memory;

namespace Nacre.Threads
{
    /// <summary>One CPU's scheduler state (PerCpu.Scheduler points here).</summary>
    internal unsafe struct CpuScheduler
    {
        public RunQueue Queue;
        public Thread* Idle;
        public Thread* Previous;        // the thread switched away from, until FinishSwitch
        public IdlePolicy Policy;
        public volatile int Halted;     // in hlt: a wake-up must send an IPI
        public int Index;
    }

    /// <summary>
    /// Per-CPU round-robin schedulers. Cooperative by default: a thread runs until it yields,
    /// blocks or exits; preemption (when enabled) comes from the timer interrupt. Everything that
    /// touches a run queue runs with interrupts off on that CPU.
    /// </summary>
    public static unsafe class Scheduler
    {
        private static int s_nextPlacement;

        /// <summary>Set by the SMP layer: wakes a halted CPU (an IPI). Null until there are IPIs.</summary>
        public static delegate*<int, void> KickCpu;

        public static Thread* CurrentThread => (Thread*)Cpus.Cpus.Current->CurrentThread;

        private static CpuScheduler* This => (CpuScheduler*)Cpus.Cpus.Current->Scheduler;
        private static CpuScheduler* Of(int cpu) => (CpuScheduler*)Cpus.Cpus.Get(cpu)->Scheduler;

        /// <summary>True once this CPU has a scheduler (threads can run on it).</summary>
        public static bool IsRunningOn(int cpu) => cpu >= 0 && cpu < Cpus.Cpus.Count && Cpus.Cpus.Get(cpu) != null && Of(cpu) != null;

        /// <summary>
        /// Gives the calling CPU a scheduler. The code running now becomes a thread on the given
        /// stack (the boot thread on CPU 0); an idle thread is created for the CPU.
        /// </summary>
        public static void InitializeCpu(ulong stackBottom, nuint stackSize, IdlePolicy policy)
        {
            PerCpu* cpu = Cpus.Cpus.Current;
            CpuScheduler* s = (CpuScheduler*)BootHeap.Alloc((nuint)sizeof(CpuScheduler));
            s->Policy = policy;
            s->Index = cpu->Index;

            Thread* boot = (Thread*)BootHeap.Alloc((nuint)sizeof(Thread));
            boot->State = ThreadState.Running;
            boot->OnCpu = 1;
            boot->Cpu = boot->BoundCpu = cpu->Index;
            boot->StackBottom = stackBottom;
            boot->StackSize = stackSize;
            boot->Id = Interlocked.Increment(ref s_ids);

            Thread* idle = ThreadPool.Take(16 * 1024);
            idle->IsIdle = true;
            idle->Cpu = idle->BoundCpu = cpu->Index;
            idle->Entry = &IdleLoop;
            idle->State = ThreadState.Ready;
            idle->SavedRsp = Context.InitialStack(idle->StackBottom + idle->StackSize, (ulong)idle);
            s->Idle = idle;

            cpu->CurrentThread = boot;
            cpu->Scheduler = s;
        }

        private static int s_ids = 1 << 20; // boot threads get ids apart from created ones

        /// <summary>Chooses the CPU a starting thread will live on: its binding, or round-robin.</summary>
        internal static void Place(Thread* t)
        {
            int count = Cpus.Cpus.Count;
            if (t->BoundCpu != Thread.AnyCpu)
            {
                if (!IsRunningOn(t->BoundCpu)) Panic.Message("Thread.Start: bound to a CPU that is not running");
                t->Cpu = t->BoundCpu;
                return;
            }
            for (int tries = 0; tries < count; tries++)
            {
                int cpu = (int)((uint)Interlocked.Increment(ref s_nextPlacement) % (uint)count);
                if (IsRunningOn(cpu)) { t->Cpu = cpu; return; }
            }
            t->Cpu = Cpus.Cpus.Current->Index;
        }

        /// <summary>Queues t on its CPU. Wakes that CPU only if it is halted: a polling CPU sees the queue change.</summary>
        internal static void MakeReady(Thread* t)
        {
            CpuScheduler* s = Of(t->Cpu);
            ulong flags = s->Queue.Lock.AcquireIrqSave();
            t->State = ThreadState.Ready;
            s->Queue.Append(t);
            s->Queue.Lock.ReleaseIrqRestore(flags);
            if (s->Halted != 0 && KickCpu != null && t->Cpu != Cpus.Cpus.Current->Index) KickCpu(t->Cpu);
        }

        public static void Yield() => Schedule(requeueCurrent: true);

        /// <summary>The current thread stops until MakeReady; the caller has queued it somewhere and set it Blocked, with interrupts off.</summary>
        internal static void Block() => Schedule(requeueCurrent: false);

        internal static void ExitCurrent()
        {
            Cpu.DisableInterrupts();
            CurrentThread->State = ThreadState.Exited;
            Schedule(requeueCurrent: false);
            Panic.Message("an exited thread was scheduled again");
        }

        private static void Schedule(bool requeueCurrent)
        {
            ulong flags = Cpu.SaveFlagsAndDisableInterrupts();
            PerCpu* cpu = Cpus.Cpus.Current;
            CpuScheduler* s = (CpuScheduler*)cpu->Scheduler;
            Thread* current = (Thread*)cpu->CurrentThread;

            s->Queue.Lock.Acquire();
            if (requeueCurrent && !current->IsIdle && current->State == ThreadState.Running)
            {
                current->State = ThreadState.Ready;
                s->Queue.Append(current);
            }
            Thread* next = s->Queue.TakeFirst();
            s->Queue.Lock.Release();

            if (next == null)
            {
                // Nothing ready: a thread that can go on does; anything else hands over to idle.
                if (current->State == ThreadState.Running || current->IsIdle) { Cpu.RestoreFlags(flags); return; }
                next = s->Idle;
            }
            if (next == current)
            {
                // Woken again before it got off the CPU (or yielded with nobody else ready).
                current->State = ThreadState.Running;
                Cpu.RestoreFlags(flags);
                return;
            }

            next->State = ThreadState.Running;
            next->OnCpu = 1;
            s->Previous = current;
            cpu->CurrentThread = next;
            Context.Switch(&current->SavedRsp, next->SavedRsp);
            FinishSwitch();
            Cpu.RestoreFlags(flags);
        }

        /// <summary>
        /// First thing after every switch, in the new thread: the previous thread's context is
        /// now saved, so it may run elsewhere or be recycled.
        /// </summary>
        internal static void FinishSwitch()
        {
            CpuScheduler* s = This;
            Thread* prev = s->Previous;
            s->Previous = null;
            if (prev == null) return;
            bool reap = prev->State == ThreadState.Exited && prev->Detached;
            Volatile.Write(ref *(int*)&prev->OnCpu, 0);
            if (reap) ThreadPool.Return(prev);
        }

        /// <summary>The idle thread: runs whatever becomes ready, else polls or halts per policy.</summary>
        private static long IdleLoop(void* unused)
        {
            while (true)
            {
                CpuScheduler* s = This;
                if (s->Queue.Count > 0) { Schedule(requeueCurrent: false); continue; }
                if (s->Policy == IdlePolicy.Halt)
                {
                    Cpu.DisableInterrupts();
                    s->Halted = 1;
                    if (s->Queue.Count == 0) Cpu.EnableInterruptsAndHalt();
                    else Cpu.EnableInterrupts();
                    s->Halted = 0;
                }
                else Cpu.Pause();
            }
        }

        /// <summary>This CPU's idle policy (poll for latency, halt to free the core).</summary>
        public static IdlePolicy Policy
        {
            get => This->Policy;
            set => This->Policy = value;
        }

        /// <summary>Threads waiting to run on cpu.</summary>
        public static int ReadyCount(int cpu) => Of(cpu)->Queue.Count;
    }
}
