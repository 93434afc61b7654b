using System.Runtime.InteropServices;

namespace Nacre.Hvm.Kvm;

/// <summary>The libc calls the VMM needs. Every call that can fail sets errno (SetLastError),
/// which <see cref="Errno"/> turns into a message.</summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    public const int O_RDWR = 0x2, O_CLOEXEC = 0x80000;
    public const int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2;
    public const int MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20, MAP_NORESERVE = 0x4000;
    public const int MADV_HUGEPAGE = 14;
    public const int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;
    public const int EINTR = 4, EAGAIN = 11, ENOENT = 2, EACCES = 13, E2BIG = 7, ENOMEM = 12, EPERM = 1;

    public static readonly void* MapFailed = (void*)-1;

    [LibraryImport(Lib, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    // ioctl is variadic in C; on x86-64 a call with one fixed third argument is ABI-compatible.
    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, nuint argument);

    [LibraryImport(Lib, EntryPoint = "mmap", SetLastError = true)]
    public static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport(Lib, EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(void* address, nuint length);

    [LibraryImport(Lib, EntryPoint = "madvise", SetLastError = true)]
    public static partial int Madvise(void* address, nuint length, int advice);

    [LibraryImport(Lib, EntryPoint = "sched_setaffinity", SetLastError = true)]
    public static partial int SchedSetaffinity(int pid, nuint size, CpuSet* mask);

    [LibraryImport(Lib, EntryPoint = "sched_getaffinity", SetLastError = true)]
    public static partial int SchedGetaffinity(int pid, nuint size, CpuSet* mask);

    /// <summary>Returns an error number (not -1/errno) like every pthread function.</summary>
    [LibraryImport(Lib, EntryPoint = "pthread_sigmask")]
    public static partial int PthreadSigmask(int how, SigSet* set, SigSet* oldSet);

    [LibraryImport(Lib, EntryPoint = "sigtimedwait", SetLastError = true)]
    public static partial int Sigtimedwait(SigSet* set, void* info, Timespec* timeout);

    [LibraryImport(Lib, EntryPoint = "tgkill", SetLastError = true)]
    public static partial int Tgkill(int tgid, int tid, int signal);

    /// <summary>syscall(2) with six integer arguments (variadic in C; integers only, so ABI-compatible).</summary>
    [LibraryImport(Lib, EntryPoint = "syscall", SetLastError = true)]
    public static partial long Syscall(long number, nint a1, nint a2, nint a3, nint a4, nint a5, nint a6);

    public const long SYS_futex = 202;
    public const int FUTEX_WAKE_PRIVATE = 1 | 128, FUTEX_WAIT_BITSET_PRIVATE = 9 | 128, ETIMEDOUT = 110;

    [LibraryImport(Lib, EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);

    public const int PR_SET_TIMERSLACK = 29;

    [LibraryImport(Lib, EntryPoint = "getpid")]
    public static partial int Getpid();

    [LibraryImport(Lib, EntryPoint = "gettid")]
    public static partial int Gettid();

    [LibraryImport(Lib, EntryPoint = "__libc_current_sigrtmin")]
    public static partial int CurrentSigrtmin();

    [LibraryImport(Lib, EntryPoint = "strerror")]
    private static partial nint Strerror(int errno);

    /// <summary>"errno 2: No such file or directory"-style text for an errno value.</summary>
    public static string Errno(int errno)
    {
        var text = Marshal.PtrToStringUTF8(Strerror(errno)) ?? "unknown error";
        return $"errno {errno}: {text}";
    }

    /// <summary>glibc's sigset_t: 1024 bits. The kernel itself only looks at the first 64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SigSet
    {
        public fixed ulong Bits[16];

        public static SigSet Of(int signal)
        {
            var set = default(SigSet);
            set.Bits[0] = 1UL << (signal - 1);
            return set;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CpuSet
    {
        public fixed ulong Bits[16]; // 1024 CPUs, glibc's CPU_SETSIZE

        public readonly bool Contains(int cpu) => (Bits[cpu / 64] & (1UL << (cpu % 64))) != 0;

        public void Add(int cpu) => Bits[cpu / 64] |= 1UL << (cpu % 64);
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
