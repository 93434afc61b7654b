using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Nacre.Diagnostics;
using Nacre.Memory;

namespace Nacre.Threads
{
    /// <summary>
    /// Thread-local storage: a slot is a process-wide index; each thread has its own pointer-sized
    /// value per slot (null until set). Slots are never released; 64 exist. Also the kernel's side
    /// of C# [ThreadStatic] (the core library's ThreadStatics does the rest).
    /// </summary>
    public static unsafe class ThreadLocal
    {
        public const int MaxSlots = 64;
        private static int s_next;

        public static int CreateSlot()
        {
            int slot = Interlocked.Increment(ref s_next) - 1;
            if (slot >= MaxSlots) Panic.Message("ThreadLocal: all 64 slots are in use");
            return slot;
        }

        public static void* Get(int slot)
        {
            void** locals = Thread.Current->Locals;
            return locals == null ? null : locals[(uint)slot % MaxSlots];
        }

        public static void Set(int slot, void* value)
        {
            Thread* self = Thread.Current;
            if (self->Locals == null) self->Locals = (void**)BootHeap.Alloc((nuint)(MaxSlots * sizeof(void*)));
            self->Locals[(uint)slot % MaxSlots] = value;
        }

        // C# [ThreadStatic] fields: the core library keeps them in a block per thread and asks for
        // the calling thread's pointer to it here. Code that runs before the scheduler (module
        // initialisation) shares one pointer.
        private static void* s_staticsBeforeThreads;

        [RuntimeExport("nacre_thread_statics")]
        private static void** ThreadStaticsRoot()
        {
            Thread* self = Cpus.Cpus.Count == 0 ? null : Thread.Current;
            if (self != null) return &self->Statics;
            fixed (void** p = &s_staticsBeforeThreads) return p;
        }

        /// <summary>Back to default values (a thread being reused); the core library owns the block's format.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_thread_statics_clear")]
        internal static extern void ClearThreadStatics(void* statics);
    }
}
