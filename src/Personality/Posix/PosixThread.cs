using Nacre.Threads;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// A .NET-world thread: the POSIX view of an Aerokernel thread (Thread.Extension points here,
    /// and a pthread_t is its address). Lives in the kernel heap until joined, or until its exit
    /// when detached.
    /// </summary>
    public unsafe struct PosixThread
    {
        public const int MaxKeys = 128;

        public Thread* Kernel;
        public ulong ThreadPointer;             // its TCB (FS base)
        public void* TlsAllocation;             // the heap block holding TCB and static TLS
        public delegate*<void*, long> KernelEntry;  // what its kernel thread runs (the start routine's wrapper, or main's)
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*> Start;   // start routine (C ABI) and its argument
        public void* Argument;
        public void* Result;                    // pthread_exit value / start routine's return
        public int Id;                          // the thread id gettid reports
        public int Detached;
        public int Exited;                      // its start routine returned (a joinable thread stays listed until joined)
        public ulong StackLow, StackSize;       // the usable stack, for pthread_getattr_np
        public ulong SignalMask;                // bit s-1 blocks signal s
        public ulong PendingSignals;            // bit s-1: s is pending for this thread
        public int InSignalHandler;             // nesting depth of handlers running on it
        public fixed ulong KeyValues[MaxKeys];  // pthread_getspecific
        public fixed byte Name[16];             // pthread_setname_np (15 characters + NUL)
        public PosixThread* NextLive;           // LiveThreads' list
    }
}
