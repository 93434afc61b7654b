using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// What the core library needs from the kernel beneath it. The kernel exports these symbols
    /// ([RuntimeExport]); the linker binds them. Keeping the list this short keeps the core library
    /// free of any kernel policy.
    /// </summary>
    internal static unsafe class KernelImports
    {
        /// <summary>Zeroed memory of at least size bytes, 16-byte aligned; panics when out of memory.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_alloc")]
        public static extern void* Alloc(nuint size);

        /// <summary>Writes UTF-16 text to the kernel console.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_console_write")]
        public static extern void ConsoleWrite(char* text, int length);

        /// <summary>Stops the kernel with a panic naming the thrown exception. Never returns.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_unhandled_exception")]
        public static extern void UnhandledException(object exception);

        /// <summary>Stops the kernel with a panic carrying the message. Never returns.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_fail_fast")]
        public static extern void FailFast(string message);

        /// <summary>Ends the run (QEMU debug-exit or the VMM's exit) with an exit code. Never returns.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_exit")]
        public static extern void Exit(int code);

        /// <summary>Sleeps while *address == expected, until woken or timeoutNs pass (ulong.MaxValue: never). 0 woken, 1 value changed, 2 timed out.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_futex_wait")]
        public static extern int FutexWait(int* address, int expected, ulong timeoutNs);

        /// <summary>Wakes up to count threads waiting on address; returns how many.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_futex_wake")]
        public static extern int FutexWake(int* address, int count);

        /// <summary>Creates and starts a kernel thread running body; returns its handle for ThreadJoin.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_thread_start")]
        public static extern void* ThreadStart(System.Action body);

        /// <summary>Waits until the thread has finished (once per thread: the handle is recycled).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_thread_join")]
        public static extern void ThreadJoin(void* thread);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_thread_yield")]
        public static extern void ThreadYield();

        /// <summary>A number identifying the calling kernel thread (unique among live threads).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_thread_id")]
        public static extern int ThreadId();

        /// <summary>
        /// The address of the calling thread's thread-statics pointer (null until ThreadStatics sets
        /// it). The kernel gives each thread its own, and hands ThreadStatics.Clear the pointer
        /// before it reuses a thread.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_thread_statics")]
        public static extern void** ThreadStaticsRoot();
    }
}
