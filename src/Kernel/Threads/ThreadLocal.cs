using System.Threading;
using Nacre.Diagnostics;
using Nacre.Memory;

namespace Nacre.Threads
{
    /// <summary>
    /// Thread-local storage: a slot is a process-wide index; each thread has its own pointer-sized
    /// value per slot (null until set). Slots are never released; 64 exist.
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
    }
}
