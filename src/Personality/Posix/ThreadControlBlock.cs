using Nacre.Memory;
using Nacre.Threads;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// A .NET-world thread's thread control block and static TLS, in the x86-64 "variant II"
    /// layout that the program's code was compiled for: the thread pointer (FS base) points at
    /// the TCB, whose first word is its own address (`mov %fs:0` is how local-exec TLS code finds
    /// it), the stack-protector canary sits at %fs:0x28, and each module's TLS block lies below
    /// the thread pointer at the offset StaticTls gave it. The rest of the TCB is the
    /// personality's: the thread's PosixThread and errno (libm reaches errno as a TLS variable
    /// at a fixed offset from the thread pointer, R_X86_64_TPOFF64).
    /// </summary>
    public static unsafe class ThreadControlBlock
    {
        public const int SelfOffset = 0x00, DtvOffset = 0x08, HeaderSelfOffset = 0x10, StackGuardOffset = 0x28,
            PointerGuardOffset = 0x30, PosixThreadOffset = 0x40, ErrnoOffset = 0x48;
        public const int Size = 0x100;

        private static int s_errnoBeforeThreads;
        private static ulong s_canary, s_pointerGuard;

        /// <summary>
        /// A TCB with the modules' initial TLS images below it, for thread (its PosixThread).
        /// Returns the thread pointer (the block's allocation is PosixThread.TlsAllocation), 0 when
        /// out of memory.
        /// </summary>
        public static ulong Create(PosixThread* thread)
        {
            ulong align = StaticTls.Align < 64 ? 64 : StaticTls.Align;
            ulong below = (StaticTls.Size + align - 1) & ~(align - 1);
            byte* block = (byte*)Heap.Alloc((nuint)(below + Size + align));
            if (block == null) return 0;
            ulong tp = (((ulong)block + below + align - 1) & ~(align - 1));
            StaticTls.Initialize(tp);
            if (s_canary == 0)
            {
                s_canary = Random.Next() & ~0xFFUL;     // a zero low byte stops string overflows, as glibc's does
                s_pointerGuard = Random.Next();
            }
            *(ulong*)(tp + SelfOffset) = tp;
            *(ulong*)(tp + HeaderSelfOffset) = tp;
            *(ulong*)(tp + StackGuardOffset) = s_canary;
            *(ulong*)(tp + PointerGuardOffset) = s_pointerGuard;
            *(PosixThread**)(tp + PosixThreadOffset) = thread;
            thread->TlsAllocation = block;
            thread->ThreadPointer = tp;
            return tp;
        }

        /// <summary>The calling thread's errno (a shared fallback before any .NET-world thread exists).</summary>
        public static int* ErrnoOfCurrent
        {
            get
            {
                ulong tp = Thread.Current->ThreadPointer;
                if (tp == 0) fixed (int* e = &s_errnoBeforeThreads) return e;
                return (int*)(tp + ErrnoOffset);
            }
        }

        /// <summary>The calling thread's PosixThread, or null on a thread that is not the .NET world's.</summary>
        public static PosixThread* CurrentThread => (PosixThread*)Thread.Current->Extension;
    }
}
