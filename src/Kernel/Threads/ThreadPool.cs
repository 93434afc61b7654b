using Nacre.Memory;
using Nacre.Sync;

namespace Nacre.Threads
{
    /// <summary>
    /// Recycles joined (or detached and exited) threads with their stacks, so that creating and
    /// joining thousands of threads costs no memory after the first of each stack size.
    /// </summary>
    internal static unsafe class ThreadPool
    {
        private static SpinLock s_lock;
        private static Thread* s_free;

        public static Thread* Take(nuint stackSize)
        {
            stackSize = (stackSize + 4095) & ~(nuint)4095;
            ulong flags = s_lock.AcquireIrqSave();
            Thread* prev = null;
            for (Thread* t = s_free; t != null; prev = t, t = t->PoolNext)
            {
                if (t->StackSize != stackSize) continue;
                if (prev == null) s_free = t->PoolNext; else prev->PoolNext = t->PoolNext;
                s_lock.ReleaseIrqRestore(flags);
                Reset(t);
                return t;
            }
            s_lock.ReleaseIrqRestore(flags);

            Thread* fresh = (Thread*)Heap.Alloc((nuint)sizeof(Thread));
            ulong top = Stacks.Allocate(stackSize);
            if (fresh == null || top == 0) Diagnostics.Panic.Message("out of memory creating a thread");
            fresh->StackBottom = top - stackSize;
            fresh->StackSize = stackSize;
            Reset(fresh);
            ThreadRegistry.Add(fresh);
            return fresh;
        }

        public static void Return(Thread* t)
        {
            t->State = ThreadState.Exited;
            t->Name = 0;    // a pooled block is nobody
            ulong flags = s_lock.AcquireIrqSave();
            t->PoolNext = s_free;
            s_free = t;
            s_lock.ReleaseIrqRestore(flags);
        }

        /// <summary>Everything but the stack back to a just-created thread.</summary>
        private static void Reset(Thread* t)
        {
            ulong bottom = t->StackBottom;
            nuint size = t->StackSize;
            void** locals = t->Locals;
            void* statics = t->Statics;
            nint timer = t->SleepTimer;
            *t = default;
            t->SleepTimer = timer;
            t->StackBottom = bottom;
            t->StackSize = size;
            t->Locals = locals;
            if (locals != null) for (int i = 0; i < ThreadLocal.MaxSlots; i++) locals[i] = null;
            t->Statics = statics;
            ThreadLocal.ClearThreadStatics(statics);
            t->State = ThreadState.Created;
            t->BoundCpu = Thread.AnyCpu;
        }
    }
}
