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

        /// <summary>
        /// The address of the calling thread's thread-statics pointer (null until ThreadStatics sets
        /// it). The kernel gives each thread its own, and hands ThreadStatics.Clear the pointer
        /// before it reuses a thread.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_thread_statics")]
        public static extern void** ThreadStaticsRoot();
    }
}
