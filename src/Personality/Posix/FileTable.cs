using Nacre.Memory;
using Nacre.Sync;

namespace Nacre.Personality.Posix
{
    public enum FileKind : int { Free, ConsoleIn, ConsoleOut, Memory, Pipe, Null, Zero, Random, Directory }

    /// <summary>An open file description (shared by dup'ed descriptors through Refs).</summary>
    public unsafe struct OpenFile
    {
        public FileKind Kind;
        public int Refs;
        public int StatusFlags;         // O_ACCMODE | O_APPEND | O_NONBLOCK ...
        public ulong Position;
        public byte* Data;              // Memory: the file's contents (heap, freed with the file)
        public ulong Size;
        public Pipe* Pipe;
        public bool PipeReadEnd;
        public uint Mode;               // st_mode
        public ulong Inode;
    }

    /// <summary>
    /// The program's file descriptors: 0, 1, 2 are the console (stdin reads end-of-file, stdout
    /// and stderr go to the kernel console); open() reaches the small read-only file system of
    /// SyntheticFiles (what the runtime probes at start-up: CPU and cache topology, memory) and
    /// the usual devices; pipes are in-kernel. Everything else is ENOENT, EROFS or ENOSYS with
    /// errno, never a crash. Methods return -errno on failure, as system calls do.
    /// </summary>
    public static unsafe class FileTable
    {
        public const int MaxFiles = 1024;
        public const int O_ACCMODE = 3, O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80, O_TRUNC = 0x200,
            O_APPEND = 0x400, O_NONBLOCK = 0x800, O_DIRECTORY = 0x10000, O_CLOEXEC = 0x80000;
        public const uint S_IFIFO = 0x1000, S_IFCHR = 0x2000, S_IFDIR = 0x4000, S_IFREG = 0x8000;

        private struct Descriptors { public fixed ulong Files[MaxFiles]; public fixed byte CloseOnExec[MaxFiles]; }
        private static Descriptors s_fds;
        private static SpinLock s_lock;
        private static long s_nextInode = 100;

        public static void Initialize()
        {
            Install(0, NewFile(FileKind.ConsoleIn, O_RDONLY, S_IFCHR | 0x1A4));
            Install(1, NewFile(FileKind.ConsoleOut, O_WRONLY, S_IFCHR | 0x1A4));
            Install(2, NewFile(FileKind.ConsoleOut, O_WRONLY, S_IFCHR | 0x1A4));
        }

        public static OpenFile* NewFile(FileKind kind, int flags, uint mode)
        {
            var f = (OpenFile*)Heap.Alloc((nuint)sizeof(OpenFile));
            if (f == null) return null;
            f->Kind = kind;
            f->Refs = 1;
            f->StatusFlags = flags;
            f->Mode = mode;
            f->Inode = (ulong)System.Threading.Interlocked.Increment(ref s_nextInode);
            return f;
        }

        private static void Install(int fd, OpenFile* f)
        {
            fixed (Descriptors* d = &s_fds) d->Files[fd] = (ulong)f;
        }

        /// <summary>The file behind fd, or null (EBADF).</summary>
        public static OpenFile* Get(int fd)
        {
            if ((uint)fd >= MaxFiles) return null;
            fixed (Descriptors* d = &s_fds) return (OpenFile*)System.Threading.Volatile.Read(ref d->Files[fd]);
        }

        /// <summary>The lowest free descriptor ≥ minimum for f, or -EMFILE.</summary>
        public static int Allocate(OpenFile* f, int minimum = 0, bool closeOnExec = false)
        {
            ulong flags = s_lock.AcquireIrqSave();
            fixed (Descriptors* d = &s_fds)
                for (int fd = minimum; fd < MaxFiles; fd++)
                    if (d->Files[fd] == 0)
                    {
                        d->Files[fd] = (ulong)f;
                        d->CloseOnExec[fd] = (byte)(closeOnExec ? 1 : 0);
                        s_lock.ReleaseIrqRestore(flags);
                        return fd;
                    }
            s_lock.ReleaseIrqRestore(flags);
            return -Errno.EMFILE;
        }

        public static int Close(int fd)
        {
            if ((uint)fd >= MaxFiles) return -Errno.EBADF;
            ulong flags = s_lock.AcquireIrqSave();
            OpenFile* f;
            fixed (Descriptors* d = &s_fds) { f = (OpenFile*)d->Files[fd]; d->Files[fd] = 0; }
            s_lock.ReleaseIrqRestore(flags);
            if (f == null) return -Errno.EBADF;
            Release(f);
            return 0;
        }

        private static void Release(OpenFile* f)
        {
            if (System.Threading.Interlocked.Decrement(ref f->Refs) != 0) return;
            if (f->Kind == FileKind.Pipe)
            {
                Pipe* p = f->Pipe;
                if (p->CloseEnd(f->PipeReadEnd)) Pipe.Destroy(p);
            }
            if (f->Kind == FileKind.Memory && f->Data != null) Heap.Free(f->Data);
            if (f->Kind != FileKind.ConsoleIn && f->Kind != FileKind.ConsoleOut) Heap.Free(f);
        }

        /// <summary>dup/dup2/F_DUPFD: fd's file under another descriptor (newFd ≥ 0: exactly that one).</summary>
        public static int Duplicate(int fd, int newFd, int minimum, bool closeOnExec)
        {
            OpenFile* f = Get(fd);
            if (f == null) return -Errno.EBADF;
            if (newFd == fd) return fd;
            System.Threading.Interlocked.Increment(ref f->Refs);
            if (newFd >= 0)
            {
                if (newFd >= MaxFiles) { Release(f); return -Errno.EBADF; }
                Close(newFd);
                ulong flags = s_lock.AcquireIrqSave();
                fixed (Descriptors* d = &s_fds)
                {
                    OpenFile* raced = (OpenFile*)d->Files[newFd];
                    d->Files[newFd] = (ulong)f;
                    d->CloseOnExec[newFd] = (byte)(closeOnExec ? 1 : 0);
                    s_lock.ReleaseIrqRestore(flags);
                    if (raced != null) Release(raced);
                }
                return newFd;
            }
            int result = Allocate(f, minimum, closeOnExec);
            if (result < 0) Release(f);
            return result;
        }

        public static bool CloseOnExec(int fd)
        {
            fixed (Descriptors* d = &s_fds) return (uint)fd < MaxFiles && d->CloseOnExec[fd] != 0;
        }

        public static void SetCloseOnExec(int fd, bool value)
        {
            fixed (Descriptors* d = &s_fds) if ((uint)fd < MaxFiles) d->CloseOnExec[fd] = (byte)(value ? 1 : 0);
        }
    }
}
