using System;
using System.Runtime;
using System.Threading;
using System.Runtime.CompilerServices;
using Nacre.Arch.X64;
using Nacre.Sync;

namespace Nacre.Threads
{
    public enum ThreadState : int
    {
        Created, Ready, Running, Blocked, Exited,
    }

    /// <summary>
    /// A kernel thread (the control block; callers hold Thread*). Threads are placed on a CPU when
    /// started (bound or round-robin) and never migrate, which keeps wake-ups simple: a woken
    /// thread is queued on the CPU it belongs to. Entry points are function pointers
    /// (`delegate*&lt;void*, long&gt;`) or C# delegates.
    /// </summary>
    public unsafe partial struct Thread
    {
        public const int AnyCpu = -1;
        public const nuint DefaultStackSize = 64 * 1024;

        internal ulong SavedRsp;            // 0: arch_switch stores/loads here
        internal Thread* Next;              // run queue or wait queue link
        internal volatile int OnCpu;        // 1 while some CPU executes on this thread's stack
        internal int ExitedFlag;            // 1 once Exit ran (read by joiners without the lock)
        public ThreadState State;
        public int Id;
        public int BoundCpu;                // AnyCpu or the CPU it must run on
        public int Cpu;                     // the CPU it runs on (fixed once started)
        public long ExitValue;
        internal Thread* Parent;
        internal int LiveChildren;          // children started and not yet exited
        internal WaitQueue Joiners;         // threads in Join on this one
        internal WaitQueue ChildWaiters;    // this thread in JoinAllChildren
        internal delegate*<void*, long> Entry;
        internal void* Argument;
        internal nint Body;                 // a C# delegate (Func<long> or Action), or 0
        internal ulong StackBottom;
        internal nuint StackSize;
        internal bool Detached;
        public bool IsIdle { get; internal set; }
        internal ulong WakeDeadline;        // TSC cycles, for Sleep
        internal void** Locals;             // ThreadLocal slots
        internal void* Statics;             // [ThreadStatic] fields: the core library's block (ThreadLocal.cs)
        internal Thread* PoolNext;
        internal nint SleepTimer;           // a Timing.Timer, created on first Sleep, kept with the block
        internal void* TimedQueue;          // the WaitQueue (or, with TimedCancel, the waiter) of a timed wait in progress
        internal delegate*<Thread*, bool> TimedCancel; // for waits that are not on a WaitQueue: takes the thread off, true if it was on
        internal int TimedOut;              // set when a timed wait's timer woke the thread
        internal nint Name;                 // a string from SetName, or 0 (cleared when recycled)

        /// <summary>
        /// This thread's thread pointer (FS base), 0 for none: the .NET world's threads each have
        /// one (their TCB); the scheduler loads it when it switches to the thread.
        /// </summary>
        public ulong ThreadPointer;

        /// <summary>Per-thread state of a higher layer (the .NET world's POSIX thread), or null; the kernel never reads it.</summary>
        public void* Extension;

        private static int s_nextId;

        /// <summary>The lowest usable address of the thread's stack (its guard page lies just below).</summary>
        public ulong StackLowest => StackBottom;

        /// <summary>Usable bytes of the thread's stack, up from StackLowest.</summary>
        public ulong StackBytes => StackSize;

        /// <summary>The running thread.</summary>
        public static Thread* Current => ThreadScheduler.CurrentThread;

        /// <summary>Creates a thread (not yet runnable) that will call entry(argument) and exit with its result.</summary>
        public static Thread* Create(delegate*<void*, long> entry, void* argument, nuint stackSize = DefaultStackSize, int cpu = AnyCpu)
        {
            Thread* t = ThreadPool.Take(stackSize == 0 ? DefaultStackSize : stackSize);
            t->Entry = entry;
            t->Argument = argument;
            t->BoundCpu = cpu;
            return t;
        }

        /// <summary>Creates a thread that runs a C# delegate and exits with its value.</summary>
        public static Thread* Create(Func<long> body, nuint stackSize = DefaultStackSize, int cpu = AnyCpu)
        {
            Thread* t = Create(null, null, stackSize, cpu);
            t->Body = Unsafe.As<Func<long>, nint>(ref body);
            return t;
        }

        /// <summary>Creates a thread that runs a C# action and exits with 0.</summary>
        public static Thread* Create(Action body, nuint stackSize = DefaultStackSize, int cpu = AnyCpu)
        {
            Thread* t = Create(null, null, stackSize, cpu);
            object o = body;
            t->Body = Unsafe.As<object, nint>(ref o) | 1; // tag: an Action, not a Func<long>
            return t;
        }

        /// <summary>Makes a created thread runnable, as a child of the caller.</summary>
        public static void Start(Thread* t)
        {
            if (t->State != ThreadState.Created) Diagnostics.Panic.Message("Thread.Start: thread already started");
            t->SavedRsp = Context.InitialStack(t->StackBottom + t->StackSize, (ulong)t);
            Run(t);
        }

        // Makes t, whose stack is ready to be switched to, runnable as a child of the caller.
        private static void Run(Thread* t)
        {
            Thread* parent = Current;
            t->Parent = parent;
            if (parent != null) Interlocked.Increment(ref parent->LiveChildren);
            t->Id = Interlocked.Increment(ref s_nextId);
            if (Tracing.Trace.On)
            {
                Tracing.Trace.Record(Tracing.TraceKind.ThreadCreate, (uint)t->Id, (uint)(ulong)t->Entry);
                if (t->Name != 0) Tracing.TraceNames.Add(t->Id, NameOf(t));
            }
            ThreadScheduler.Place(t);
            ThreadScheduler.MakeReady(t);
        }

        /// <summary>Create + Start.</summary>
        public static Thread* Launch(delegate*<void*, long> entry, void* argument, int cpu = AnyCpu, nuint stackSize = DefaultStackSize)
        {
            Thread* t = Create(entry, argument, stackSize, cpu);
            Start(t);
            return t;
        }

        public static Thread* Launch(Func<long> body, int cpu = AnyCpu, nuint stackSize = DefaultStackSize)
        {
            Thread* t = Create(body, stackSize, cpu);
            Start(t);
            return t;
        }

        public static Thread* Launch(Action body, int cpu = AnyCpu, nuint stackSize = DefaultStackSize)
        {
            Thread* t = Create(body, stackSize, cpu);
            Start(t);
            return t;
        }

        /// <summary>Waits for t to exit, returns its exit value and recycles it (t is invalid afterwards).</summary>
        public static long Join(Thread* t)
        {
            if (t == Current) Diagnostics.Panic.Message("Thread.Join: a thread cannot join itself");
            t->Joiners.WaitUntil(&HasExited, t);
            // Its CPU may still be switching away from its stack: wait until it is off.
            while (t->OnCpu != 0) Nacre.Arch.X64.Cpu.Pause();
            long value = t->ExitValue;
            ThreadPool.Return(t);
            return value;
        }

        /// <summary>Waits until every thread this one started has exited (they still need Join, or Detach).</summary>
        public static void JoinAllChildren()
        {
            Thread* self = Current;
            self->ChildWaiters.WaitUntil(&NoLiveChildren, self);
        }

        /// <summary>The thread will recycle itself when it exits; it must not be joined.</summary>
        public static void Detach(Thread* t) => t->Detached = true;

        /// <summary>Ends the calling thread with value (wakes its joiners). Never returns.</summary>
        public static void Exit(long value)
        {
            Thread* self = Current;
            if (self->IsIdle) Diagnostics.Panic.Message("Thread.Exit: the idle thread cannot exit");
            self->ExitValue = value;
            Thread* parent = self->Parent;
            Volatile.Write(ref self->ExitedFlag, 1);
            self->Joiners.WakeAll();
            if (parent != null && Interlocked.Decrement(ref parent->LiveChildren) == 0)
                parent->ChildWaiters.WakeAll();
            ThreadScheduler.ExitCurrent();
        }

        /// <summary>Names t for diagnostics such as the shell's `threads` (nk_thread_name); null clears it.</summary>
        public static void SetName(Thread* t, string name)
        {
            object o = name;
            t->Name = o == null ? 0 : Unsafe.As<object, nint>(ref o);
            // A created thread has no id yet: Run logs its name when it gets one.
            if (t->State != ThreadState.Created) Tracing.TraceNames.Add(t->Id, name);
        }

        /// <summary>t's name, or null.</summary>
        public static string NameOf(Thread* t) { nint n = t->Name; return n == 0 ? null : Unsafe.As<nint, string>(ref n); }

        /// <summary>Sleeps at least ns (other threads run meanwhile).</summary>
        public static void Sleep(ulong ns) => ThreadScheduler.Sleep(ns);

        /// <summary>Gives the CPU to the next ready thread on this CPU, if any.</summary>
        public static void Yield() => ThreadScheduler.Yield();

        private static bool HasExited(void* t) => Volatile.Read(ref ((Thread*)t)->ExitedFlag) != 0;
        private static bool NoLiveChildren(void* t) => Volatile.Read(ref ((Thread*)t)->LiveChildren) == 0;

        /// <summary>First C# code of every thread (from arch_thread_start).</summary>
        [RuntimeExport("nacre_thread_entry")]
        private static void Entry0(Thread* t)
        {
            ThreadScheduler.FinishSwitch();
            Tracing.Trace.Record(Tracing.TraceKind.ThreadStart, (uint)t->Id, 0);
            long value;
            if (t->Body != 0)
            {
                nint body = t->Body & ~(nint)1;
                if ((t->Body & 1) != 0) { Unsafe.As<nint, Action>(ref body)(); value = 0; }
                else value = Unsafe.As<nint, Func<long>>(ref body)();
            }
            else value = t->Entry(t->Argument);
            Exit(value);
        }
    }
}
