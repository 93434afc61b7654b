namespace Nacre.Runtimes.Parallel
{
    /// <summary>Task events for Platform.TraceTask.</summary>
    internal enum TaskEvent { Spawn, Steal, Begin, End }

    /// <summary>
    /// What the runtime needs from the system under it: the whole platform interface. Each
    /// method is declared here and implemented once per platform (Aerokernel/AerokernelPlatform.cs,
    /// Linux/LinuxPlatform.cs); the compiler binds the calls statically, so none costs a virtual
    /// call. Nothing else in the runtime touches the system. See docs/runtime.md.
    /// </summary>
    internal static unsafe partial class Platform
    {
        /// <summary>How many CPUs the runtime may use (a worker is bound to each of 0..CpuCount-1).</summary>
        public static partial int CpuCount();

        /// <summary>
        /// Starts a thread bound to CPU cpu that runs entry(argument) and never returns to the
        /// caller's knowledge (workers live as long as the process). Its stack is at least
        /// stackBytes.
        /// </summary>
        public static partial void StartBoundThread(int cpu, delegate*<void*, void> entry, void* argument, nuint stackBytes);

        /// <summary>The value this thread stored with SetThreadValue (null if none).</summary>
        public static partial void* ThreadValue();

        public static partial void SetThreadValue(void* value);

        /// <summary>
        /// Blocks the calling thread while *word == 0 (a wake-up may also be spurious: callers
        /// loop). Pairs with Wake, which a waker calls after making *word non-zero.
        /// </summary>
        public static partial void WaitWhileZero(int* word);

        /// <summary>Wakes every thread blocked in WaitWhileZero(word).</summary>
        public static partial void Wake(int* word);

        /// <summary>A hint to the core that the caller is spinning.</summary>
        public static partial void Pause();

        /// <summary>Lets another thread of this CPU run (a scheduler yield).</summary>
        public static partial void Yield();

        /// <summary>
        /// Called by spinning workers now and then: where threads are scheduled cooperatively
        /// (the Aerokernel) it yields, so that another thread of the CPU — Main waiting for a Run —
        /// goes on; where the OS preempts (Linux) it does nothing, since a yield there may give
        /// the core to another process for a whole time slice.
        /// </summary>
        public static partial void YieldIfCooperative();

        /// <summary>The cycle counter (the TSC on x86-64).</summary>
        public static partial ulong Cycles();

        /// <summary>Cycles of Cycles() per second.</summary>
        public static partial ulong CycleHz();

        /// <summary>bytes of zeroed memory aligned to 64 bytes, or a panic/exception when there is none.</summary>
        public static partial void* Allocate(nuint bytes);

        /// <summary>Returns memory from Allocate.</summary>
        public static partial void Free(void* memory);

        /// <summary>
        /// Records a task event in the system's trace, if it has one and it is on (the
        /// Aerokernel's tracer: spawn, steal, begin, end); a no-op elsewhere.
        /// </summary>
        public static partial void TraceTask(TaskEvent what, void* job, uint detail);

        /// <summary>Stops the process with a message (a kernel panic / a fatal error).</summary>
        public static partial void Fail(string message);
    }
}
