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
        public IdlePolicy IdlePolicy;
        public int Index;
        public int PreemptRequested;    // set by the quantum timer; honoured when the interrupt ends
        public ulong QuantumNs;         // 0: cooperative
        public Nacre.Timing.Timer Quantum; // one-shot, armed only while another thread waits for this CPU
    }

    /// <summary>
    /// Per-CPU round-robin schedulers. Cooperative by default: a thread runs until it yields,
    /// blocks or exits; preemption (when enabled) comes from the timer interrupt. Everything that
    /// touches a run queue runs with interrupts off on that CPU.
    /// </summary>
    public static unsafe class ThreadScheduler
    {
        private static int s_nextPlacement;

        public static Thread* CurrentThread => (Thread*)Cpus.Cpus.Current->CurrentThread;

        private static CpuScheduler* This => (CpuScheduler*)Cpus.Cpus.Current->Scheduler;
        private static CpuScheduler* Of(int cpu) => (CpuScheduler*)Cpus.Cpus.Get(cpu)->Scheduler;

        /// <summary>
        /// True when the CPU is running its idle thread (a comparison of pointers: the thread it
        /// runs may exit meanwhile, the idle thread never does). False for a CPU without a scheduler.
        /// </summary>
        public static bool IsIdle(int cpu)
        {
            if (!IsRunningOn(cpu)) return false;
            void** current = &Cpus.Cpus.Get(cpu)->CurrentThread;
            return Volatile.Read(ref *(ulong*)current) == (ulong)Of(cpu)->Idle;
        }

        /// <summary>True once this CPU has a scheduler (threads can run on it).</summary>
        public static bool IsRunningOn(int cpu) => cpu >= 0 && cpu < Cpus.Cpus.Count && Cpus.Cpus.Get(cpu) != null && Of(cpu) != null;

        /// <summary>
        /// Gives the calling CPU a scheduler. The code running now becomes a thread on the given
        /// stack (the boot thread on CPU 0); an idle thread is created for the CPU.
        /// </summary>
        public static void InitializeCpu(ulong stackBottom, nuint stackSize, IdlePolicy policy) => InitializeCpu(stackBottom, stackSize, policy, false);

        /// <summary>
        /// For the other CPUs: the code running now (the CPU's start-up path) becomes its idle
        /// thread; the caller then calls RunIdle.
        /// </summary>
        public static void InitializeCpuAsIdle(ulong stackBottom, nuint stackSize, IdlePolicy policy) => InitializeCpu(stackBottom, stackSize, policy, true);

        private static void InitializeCpu(ulong stackBottom, nuint stackSize, IdlePolicy policy, bool bootIsIdle)
        {
            PerCpu* cpu = Cpus.Cpus.Current;
            CpuScheduler* s = (CpuScheduler*)BootHeap.Alloc((nuint)sizeof(CpuScheduler));
            s->IdlePolicy = policy;
            s->Index = cpu->Index;

            Thread* boot = (Thread*)BootHeap.Alloc((nuint)sizeof(Thread));
            boot->State = ThreadState.Running;
            boot->OnCpu = 1;
            boot->Cpu = boot->BoundCpu = cpu->Index;
            boot->StackBottom = stackBottom;
            boot->StackSize = stackSize;
            boot->Id = Interlocked.Increment(ref s_ids);
            ThreadRegistry.Add(boot);

            if (bootIsIdle)
            {
                boot->IsIdle = true;
                s->Idle = boot;
            }
            else
            {
                Thread* idle = ThreadPool.Take(16 * 1024);
                idle->IsIdle = true;
                idle->Id = Interlocked.Increment(ref s_ids);
                idle->Cpu = idle->BoundCpu = cpu->Index;
                idle->Entry = &IdleEntry;
                idle->State = ThreadState.Ready;
                idle->SavedRsp = Context.InitialStack(idle->StackBottom + idle->StackSize, (ulong)idle);
                s->Idle = idle;
            }

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
            Tracing.Trace.Record(Tracing.TraceKind.Wake, (uint)t->Id, (uint)t->Cpu);
            // Preemptive: a thread now waits for this CPU, so the running one (if any) gets one quantum more.
            if (s->QuantumNs != 0 && !s->Quantum.IsArmed && !((Thread*)Cpus.Cpus.Get(t->Cpu)->CurrentThread)->IsIdle) s->Quantum.Arm(s->QuantumNs);
            // Store (queue) then load (Halted): x86 may reorder those without a fence, and the idle
            // loop does the mirror image (Halted, then queue), so one of the two sees the other.
            Interlocked.MemoryBarrier();
            IdleParking.WakeIfHalted(t->Cpu);
        }

        public static void Yield() => Schedule(requeueCurrent: true);

        /// <summary>
        /// Gives the running thread a thread pointer (FS base) and loads it now; the scheduler
        /// reloads it whenever it switches back to the thread.
        /// </summary>
        public static void SetThreadPointer(ulong value)
        {
            ulong flags = Cpu.SaveFlagsAndDisableInterrupts();
            PerCpu* cpu = Cpus.Cpus.Current;
            ((Thread*)cpu->CurrentThread)->ThreadPointer = value;
            cpu->ThreadPointer = value;
            Cpu.WriteThreadPointer(value);
            Cpu.RestoreFlags(flags);
        }

        /// <summary>The current thread stops until MakeReady; the caller has queued it somewhere and set it Blocked, with interrupts off.</summary>
        internal static void Block() => Schedule(requeueCurrent: false);

        internal static void ExitCurrent()
        {
            Cpu.DisableInterrupts();
            CurrentThread->State = ThreadState.Exited;
            Tracing.Trace.Record(Tracing.TraceKind.Exit, (uint)CurrentThread->Id, 0);
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

            if (Tracing.Trace.On) Tracing.Trace.Record(Tracing.TraceKind.Switch, (uint)current->Id, (uint)next->Id);
            next->State = ThreadState.Running;
            next->OnCpu = 1;
            // Preemptive and others still wait: the next thread gets a quantum.
            if (s->QuantumNs != 0 && !next->IsIdle && s->Queue.Count > 0 && !s->Quantum.IsArmed) s->Quantum.Arm(s->QuantumNs);
            s->Previous = current;
            cpu->CurrentThread = next;
            // Only threads with a thread pointer read FS: others leave the CPU's as it is.
            if (next->ThreadPointer != 0 && next->ThreadPointer != cpu->ThreadPointer)
            {
                cpu->ThreadPointer = next->ThreadPointer;
                Cpu.WriteThreadPointer(next->ThreadPointer);
            }
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

        private static long IdleEntry(void* unused)
        {
            RunIdle();
            return 0;
        }

        /// <summary>
        /// The idle loop (never returns): runs work posted with Cpus.RunOn, then whatever thread
        /// is ready, else polls or halts per policy. Work that fails a test is abandoned back here.
        /// </summary>
        public static void RunIdle()
        {
            PerCpu* cpu = Cpus.Cpus.Current;
            cpu->IdleJump = BootHeap.Alloc(JumpBuffer.Size);
            JumpBuffer.SetJump((JumpBuffer*)cpu->IdleJump);
            Tracing.Trace.ResetContext(cpu);
            Cpus.Cpus.FinishAbandonedWork(cpu);
            bool idle = false;      // for the trace: between "nothing to do" and "something to do"
            while (true)
            {
                CpuScheduler* s = This;
                if (idle && (Cpus.Cpus.HasPostedWork(cpu) || cpu->PendingEvents != 0 || s->Queue.Count > 0))
                {
                    idle = false;
                    Tracing.Trace.Record(Tracing.TraceKind.IdleExit, 0, 0);
                }
                if (Cpus.Cpus.RunPostedWork(cpu)) continue;
                if (Sync.Events.RunPending()) continue;
                if (s->Queue.Count > 0) { Schedule(requeueCurrent: false); continue; }
                if (!idle && Tracing.Trace.On)
                {
                    idle = true;
                    Tracing.Trace.Record(Tracing.TraceKind.IdleEnter, 0, 0);
                }
                if (s->IdlePolicy == IdlePolicy.Halt && Irq.Interrupts.Ready)
                {
                    Cpu.DisableInterrupts();
                    Interlocked.Exchange(ref cpu->Halted, 1);
                    bool noWork = s->Queue.Count == 0 && !Cpus.Cpus.HasPostedWork(cpu) && cpu->PendingEvents == 0;
                    if (noWork && IdleParking.Enabled)
                    {
                        IdleParking.Park(cpu, Nacre.Timing.TimerQueue.NextDeadline(cpu->Index));
                        Cpu.EnableInterrupts();     // delivers whatever arrived meanwhile (a timer at the deadline)
                    }
                    else if (noWork) Cpu.EnableInterruptsAndHalt();
                    else Cpu.EnableInterrupts();
                    Volatile.Write(ref cpu->Halted, 0);
                }
                else Cpu.Pause();
            }
        }

        /// <summary>
        /// Turns preemption on for this CPU: a running thread that another ready thread waits
        /// for goes to the back of the queue after quantumNs (0 turns it off: cooperative again).
        /// The timer runs only while some thread waits, so a CPU with one runnable thread (the
        /// common case in an HRT) takes no timer interrupts at all.
        /// </summary>
        public static void SetPreemption(ulong quantumNs) => SetPreemption(Cpus.Cpus.Current->Index, quantumNs);

        /// <summary>SetPreemption for any CPU.</summary>
        public static void SetPreemption(int cpu, ulong quantumNs)
        {
            CpuScheduler* s = Of(cpu);
            if (s->Quantum == null) s->Quantum = new Nacre.Timing.Timer(&OnQuantum, s, cpu);
            s->QuantumNs = quantumNs;
            if (quantumNs == 0) s->Quantum.Cancel();
            else if (s->Queue.Count > 0) s->Quantum.Arm(quantumNs);
        }

        private static void OnQuantum(void* state)
        {
            CpuScheduler* s = (CpuScheduler*)state;
            if (s->Queue.Count > 0) s->PreemptRequested = 1;
        }

        /// <summary>Called as an interrupt ends (IF=0, EOI sent): switches if the quantum expired.</summary>
        internal static void OnInterruptExit()
        {
            PerCpu* cpu = Cpus.Cpus.Current;
            CpuScheduler* s = (CpuScheduler*)cpu->Scheduler;
            if (s == null || s->PreemptRequested == 0) return;
            s->PreemptRequested = 0;
            if (!((Thread*)cpu->CurrentThread)->IsIdle) Schedule(requeueCurrent: true);
        }

        /// <summary>
        /// The calling thread commits to blocking. The trace's Block is recorded before the state
        /// is published: once another CPU can see Blocked it may wake the thread, and its Wake
        /// must not come out earlier than the Block it ends.
        /// </summary>
        internal static void MarkBlocked(Thread* self)
        {
            if (Tracing.Trace.On) Tracing.Trace.Record(Tracing.TraceKind.Block, (uint)self->Id, 0);
            self->State = ThreadState.Blocked;
        }

        /// <summary>Sleeps the calling thread for at least ns (a timer on this CPU wakes it).</summary>
        public static void Sleep(ulong ns)
        {
            Thread* self = CurrentThread;
            if (self->IsIdle) { Nacre.Timing.Time.Delay(ns); return; }
            Nacre.Timing.Timer timer = SleepTimerOf(self);
            ulong flags = Cpu.SaveFlagsAndDisableInterrupts();
            MarkBlocked(self);
            timer.Arm(ns);
            Block();
            Cpu.RestoreFlags(flags);
        }

        // One reusable timer per thread control block (pooled with it): no allocation per sleep.
        internal static Nacre.Timing.Timer SleepTimerOf(Thread* t)
        {
            if (t->SleepTimer == 0)
            {
                object timer = new Nacre.Timing.Timer(&WakeFromTimer, t);
                t->SleepTimer = System.Runtime.CompilerServices.Unsafe.As<object, nint>(ref timer);
            }
            nint p = t->SleepTimer;
            return System.Runtime.CompilerServices.Unsafe.As<nint, Nacre.Timing.Timer>(ref p);
        }

        private static void WakeFromTimer(void* t)
        {
            Thread* thread = (Thread*)t;
            // A timed wait may already have been ended by its queue: only the side that removes the
            // thread from its queue makes it ready.
            if (thread->TimedCancel != null) { if (!thread->TimedCancel(thread)) return; }
            else if (thread->TimedQueue != null && !((Sync.WaitQueue*)thread->TimedQueue)->Remove(thread)) return;
            thread->TimedOut = 1;
            MakeReady(thread);
        }

        /// <summary>This CPU's idle policy (poll for latency, halt to free the core).</summary>
        public static IdlePolicy IdlePolicy
        {
            get => This->IdlePolicy;
            set => This->IdlePolicy = value;
        }

        public static IdlePolicy IdlePolicyOf(int cpu) => Of(cpu)->IdlePolicy;

        /// <summary>Sets the idle policy of any CPU (a halted CPU is kicked so it notices).</summary>
        public static void SetIdlePolicy(int cpu, IdlePolicy policy)
        {
            Of(cpu)->IdlePolicy = policy;
            Interlocked.MemoryBarrier();
            if (Irq.Interrupts.Ready) IdleParking.WakeIfHalted(cpu);
        }

        /// <summary>
        /// True while cpu sits in hlt in its idle loop, or is parked in the VMM (Halt policy), so
        /// that a wake-up must kick it. For benchmarks and tests that must know they measure a
        /// wake-up from halt.
        /// </summary>
        public static bool IsHalted(int cpu) => Volatile.Read(ref Cpus.Cpus.Get(cpu)->Halted) != 0;

        /// <summary>Threads waiting to run on cpu.</summary>
        public static int ReadyCount(int cpu) => Of(cpu)->Queue.Count;
    }
}
