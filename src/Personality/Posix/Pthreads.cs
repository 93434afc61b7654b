using System.Threading;
using Nacre.Memory;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// POSIX threads on Aerokernel threads. pthread_create starts a kernel thread (placed
    /// round-robin over the HRT's CPUs, where it stays) with its own stack, guard page, TCB and
    /// static TLS; a pthread_t is its PosixThread's address. Joinable threads are recycled by
    /// pthread_join, detached ones when they exit. Thread-specific data (keys) runs its
    /// destructors at thread exit, as the runtime relies on to detach its threads.
    /// </summary>
    public static unsafe class Pthreads
    {
        public const ulong DefaultStackSize = 2 * 1024 * 1024 - 4096;   // with the guard page: one 2 MiB block
        private const ulong MinimumStackSize = 16 * 1024;
        private const int PTHREAD_CREATE_DETACHED = 1;
        private const int DestructorIterations = 4;

        private static int s_nextId = ProcessStartId;
        private const int ProcessStartId = Libc.ProcessStart.ProcessId;

        // pthread_attr_t (56 bytes in glibc; the personality's own layout inside).
        public struct Attributes { public ulong StackSize; public int DetachState; public int Initialized; public ulong StackAddress; public ulong GuardSize; }

        // Keys: a destructor per key (0 = free slot, 1 = in use without destructor).
        private struct KeyTable { public fixed ulong Destructors[PosixThread.MaxKeys]; }
        private static KeyTable s_keys;

        /// <summary>The program's main thread (id = the process id), running entry on its own TCB.</summary>
        public static PosixThread* CreateMain(delegate*<void*, long> entry, ulong stackSize) =>
            Spawn(entry, null, null, stackSize, false, ProcessStartId, 0);

        // A PosixThread with its TCB on a new kernel thread that sets the thread pointer
        // (ThreadEntry) and runs kernelEntry(posixThread). Null when out of memory.
        private static PosixThread* Spawn(delegate*<void*, long> kernelEntry, delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*> start, void* argument,
                                          ulong stackSize, bool detached, int id, ulong signalMask)
        {
            var pt = (PosixThread*)Heap.Alloc((nuint)sizeof(PosixThread));
            if (pt == null) return null;
            pt->Id = id;
            pt->Detached = detached ? 1 : 0;
            pt->KernelEntry = kernelEntry;
            pt->Start = start;
            pt->Argument = argument;
            pt->SignalMask = signalMask;
            if (ThreadControlBlock.Create(pt) == 0) { Heap.Free(pt); return null; }
            Thread* t = Thread.Create(&ThreadEntry, pt, (nuint)stackSize);
            pt->Kernel = t;
            pt->StackLow = t->StackLowest;
            pt->StackSize = t->StackBytes;
            t->Extension = pt;
            t->ThreadPointer = pt->ThreadPointer;
            if (detached) Thread.Detach(t);
            LiveThreads.Add(pt);
            Thread.Start(t);
            return pt;
        }

        /// <summary>
        /// Makes the calling kernel thread a .NET-world thread (its own TCB, static TLS and
        /// thread pointer), for threads the kernel starts that run the program's code: the HVM's
        /// invoke servers calling a shared library's exports.
        /// </summary>
        public static void AdoptCurrentThread()
        {
            Thread* t = Thread.Current;
            if (t->Extension != null) return;
            var pt = (PosixThread*)Heap.Alloc((nuint)sizeof(PosixThread));
            if (pt == null || ThreadControlBlock.Create(pt) == 0) Nacre.Diagnostics.Panic.Message("out of memory adopting a thread into the .NET world");
            pt->Id = Interlocked.Increment(ref s_nextId);
            pt->Kernel = t;
            pt->StackLow = t->StackLowest;
            pt->StackSize = t->StackBytes;
            t->Extension = pt;
            ThreadScheduler.SetThreadPointer(pt->ThreadPointer);
            LiveThreads.Add(pt);
        }

        private static long ThreadEntry(void* argument)
        {
            var pt = (PosixThread*)argument;
            ThreadScheduler.SetThreadPointer(pt->ThreadPointer);
            return pt->KernelEntry(pt);
        }

        // The start of a pthread_create thread: the program's routine, then the exit path.
        private static long RunStartRoutine(void* argument)
        {
            var pt = (PosixThread*)argument;
            Signals.DeliverPending();
            void* result = ((delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*>)pt->Start)(pt->Argument);
            Finish(pt, result);
            return 0;
        }

        /// <summary>pthread_create: the new thread inherits the creator's signal mask, as on Linux. 0 or an error number.</summary>
        [LibcExport("pthread_create")]
        public static int Create(PosixThread** thread, Attributes* attr, delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*> start, void* argument)
        {
            bool given = attr != null && attr->Initialized != 0;
            ulong stack = given && attr->StackSize != 0 ? attr->StackSize : DefaultStackSize;
            if (stack < MinimumStackSize) stack = MinimumStackSize;
            bool detached = given && attr->DetachState == PTHREAD_CREATE_DETACHED;
            PosixThread* creator = ThreadControlBlock.CurrentThread;
            PosixThread* pt = Spawn(&RunStartRoutine, start, argument, stack, detached,
                                    Interlocked.Increment(ref s_nextId), creator != null ? creator->SignalMask : 0);
            if (pt == null) return Errno.EAGAIN;
            *thread = pt;
            return 0;
        }

        /// <summary>Thread exit: key destructors, then the kernel thread ends (a detached thread's records are freed).</summary>
        public static void Finish(PosixThread* pt, void* result)
        {
            pt->Result = result;
            RunKeyDestructors(pt);
            Volatile.Write(ref pt->Exited, 1);
            if (pt->Detached != 0)
            {
                LiveThreads.Remove(pt);
                Thread* self = Thread.Current;
                self->Extension = null;
                self->ThreadPointer = 0;
                Heap.Free(pt->TlsAllocation);
                Heap.Free(pt);
            }
            Thread.Exit(0);
        }

        private static void RunKeyDestructors(PosixThread* pt)
        {
            for (int round = 0; round < DestructorIterations; round++)
            {
                bool any = false;
                for (int k = 0; k < PosixThread.MaxKeys; k++)
                {
                    void* value = (void*)pt->KeyValues[k];
                    ulong destructor;
                    fixed (KeyTable* keys = &s_keys) destructor = keys->Destructors[k];
                    if (value == null || destructor <= 1) continue;
                    pt->KeyValues[k] = 0;
                    ((delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void>)destructor)(value);
                    any = true;
                }
                if (!any) return;
            }
        }

        [LibcExport("pthread_exit")]
        public static void ExitThread(void* result)
        {
            PosixThread* pt = ThreadControlBlock.CurrentThread;
            if (pt->Id == ProcessStartId) Libc.Exit.Terminate(0);   // the main thread: the process ends (no other threads to wait for)
            Finish(pt, result);
        }

        [LibcExport("pthread_join")]
        public static int Join(PosixThread* thread, void** result)
        {
            if (thread == null || !LiveThreads.Contains(thread)) return Errno.ESRCH;
            if (thread == ThreadControlBlock.CurrentThread) return Errno.EDEADLK;
            if (thread->Detached != 0) return Errno.EINVAL;
            Thread.Join(thread->Kernel);
            if (result != null) *result = thread->Result;
            LiveThreads.Remove(thread);
            Heap.Free(thread->TlsAllocation);
            Heap.Free(thread);
            return 0;
        }

        [LibcExport("pthread_detach")]
        public static int Detach(PosixThread* thread)
        {
            if (thread == null || !LiveThreads.Contains(thread)) return Errno.ESRCH;
            if (Volatile.Read(ref thread->Detached) != 0) return Errno.EINVAL;
            if (Volatile.Read(ref thread->Exited) != 0) return Join(thread, null);   // already gone: reclaim it now
            if (Interlocked.Exchange(ref thread->Detached, 1) != 0) return Errno.EINVAL;
            Thread.Detach(thread->Kernel);
            return 0;
        }

        [LibcExport("pthread_self")]
        public static PosixThread* Self() => ThreadControlBlock.CurrentThread;

        [LibcExport("pthread_equal")]
        public static int Equal(PosixThread* a, PosixThread* b) => a == b ? 1 : 0;

        [LibcExport("gettid")]
        public static int ThreadId()
        {
            PosixThread* pt = ThreadControlBlock.CurrentThread;
            return pt == null ? 0 : pt->Id;
        }

        /// <summary>Cancellation does not exist here (nothing cancels a thread): the state is recorded as asked and ignored.</summary>
        [LibcExport("pthread_setcancelstate", "pthread_setcanceltype")]
        public static int SetCancelState(int state, int* old)
        {
            if (old != null) *old = 0;
            return 0;
        }

        [LibcExport("pthread_attr_init")]
        public static int AttrInit(Attributes* attr)
        {
            *attr = default;
            attr->Initialized = 1;
            attr->StackSize = DefaultStackSize;
            attr->GuardSize = 4096;
            return 0;
        }

        [LibcExport("pthread_attr_destroy")]
        public static int AttrDestroy(Attributes* attr) { attr->Initialized = 0; return 0; }

        [LibcExport("pthread_attr_setstacksize")]
        public static int AttrSetStackSize(Attributes* attr, ulong size)
        {
            if (size < MinimumStackSize) return Errno.EINVAL;
            attr->StackSize = size;
            return 0;
        }

        [LibcExport("pthread_attr_getstacksize")]
        public static int AttrGetStackSize(Attributes* attr, ulong* size) { *size = attr->StackSize; return 0; }

        [LibcExport("pthread_attr_setdetachstate")]
        public static int AttrSetDetachState(Attributes* attr, int state)
        {
            if (state != 0 && state != PTHREAD_CREATE_DETACHED) return Errno.EINVAL;
            attr->DetachState = state;
            return 0;
        }

        [LibcExport("pthread_attr_getdetachstate")]
        public static int AttrGetDetachState(Attributes* attr, int* state) { *state = attr->DetachState; return 0; }

        [LibcExport("pthread_attr_getstack")]
        public static int AttrGetStack(Attributes* attr, ulong* address, ulong* size)
        {
            *address = attr->StackAddress;
            *size = attr->StackSize;
            return 0;
        }

        [LibcExport("pthread_attr_setguardsize")]
        public static int AttrSetGuardSize(Attributes* attr, ulong size) { attr->GuardSize = size; return 0; }

        [LibcExport("pthread_attr_getguardsize")]
        public static int AttrGetGuardSize(Attributes* attr, ulong* size) { *size = attr->GuardSize; return 0; }

        /// <summary>The thread's real stack: [lowest usable address, + size), above its guard page.</summary>
        [LibcExport("pthread_getattr_np")]
        public static int GetAttrNp(PosixThread* thread, Attributes* attr)
        {
            AttrInit(attr);
            attr->StackAddress = thread->StackLow;
            attr->StackSize = thread->StackSize;
            attr->DetachState = thread->Detached != 0 ? PTHREAD_CREATE_DETACHED : 0;
            return 0;
        }

        [LibcExport("pthread_setname_np")]
        public static int SetName(PosixThread* thread, byte* name)
        {
            int n = (int)CString.Length(name);
            if (n > 15) return Errno.ERANGE;
            for (int i = 0; i <= n; i++) thread->Name[i] = name[i];
            Thread.SetName(thread->Kernel, CString.ToManaged(name));
            return 0;
        }

        [LibcExport("pthread_getname_np")]
        public static int GetName(PosixThread* thread, byte* buffer, ulong size)
        {
            ulong n = (ulong)CString.Length(thread->Name);
            if (size <= n) return Errno.ERANGE;
            for (ulong i = 0; i <= n; i++) buffer[i] = thread->Name[i];
            return 0;
        }

        [LibcExport("pthread_key_create")]
        public static int KeyCreate(uint* key, void* destructor)
        {
            fixed (KeyTable* keys = &s_keys)
                for (int k = 0; k < PosixThread.MaxKeys; k++)
                    if (Interlocked.CompareExchange(ref *(long*)&keys->Destructors[k], destructor == null ? 1 : (long)destructor, 0) == 0)
                    {
                        *key = (uint)k;
                        return 0;
                    }
            return Errno.EAGAIN;
        }

        [LibcExport("pthread_key_delete")]
        public static int KeyDelete(uint key)
        {
            if (key >= PosixThread.MaxKeys) return Errno.EINVAL;
            fixed (KeyTable* keys = &s_keys) keys->Destructors[key] = 0;
            return 0;
        }

        [LibcExport("pthread_setspecific")]
        public static int SetSpecific(uint key, void* value)
        {
            if (key >= PosixThread.MaxKeys) return Errno.EINVAL;
            ThreadControlBlock.CurrentThread->KeyValues[key] = (ulong)value;
            return 0;
        }

        [LibcExport("pthread_getspecific")]
        public static void* GetSpecific(uint key) => key >= PosixThread.MaxKeys ? null : (void*)ThreadControlBlock.CurrentThread->KeyValues[key];

        /// <summary>pthread_once: 0 = not run, 1 = running, 2 = done (waiters sleep on the word).</summary>
        [LibcExport("pthread_once")]
        public static int Once(int* control, delegate* unmanaged[Cdecl, SuppressGCTransition]<void> routine)
        {
            while (true)
            {
                int state = Volatile.Read(ref *control);
                if (state == 2) return 0;
                if (state == 0 && Interlocked.CompareExchange(ref *control, 1, 0) == 0)
                {
                    routine();
                    Volatile.Write(ref *control, 2);
                    Nacre.Sync.Futex.Wake(control, int.MaxValue);
                    return 0;
                }
                Nacre.Sync.Futex.Wait(control, 1);
            }
        }
    }
}
