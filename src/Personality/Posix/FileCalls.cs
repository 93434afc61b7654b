using Nacre.Devices;
using Nacre.Memory;

namespace Nacre.Personality.Posix
{
    /// <summary>The file system calls over FileTable (open, read, write, stat, fcntl, pipes, poll ...).</summary>
    public static unsafe class FileCalls
    {
        private const int AtFdCwd = -100;

        [LibcExport("open", "open64")]
        public static int Open(byte* path, int flags, uint mode) => Result(OpenAt(path, flags));

        [LibcExport("openat", "openat64")]
        public static int OpenAtExport(int dirFd, byte* path, int flags, uint mode) =>
            path != null && path[0] != (byte)'/' && dirFd != AtFdCwd ? Errno.Fail(Errno.ENOENT) : Result(OpenAt(path, flags));

        internal static int OpenAt(byte* path, int flags)
        {
            if (path == null) return -Errno.EFAULT;
            if (!SyntheticFiles.Open(path, out FileKind kind, out string contents, out bool directory))
                return (flags & FileTable.O_CREAT) != 0 && SyntheticFiles.ParentExists(path) ? -Errno.EROFS : -Errno.ENOENT;
            if ((flags & FileTable.O_DIRECTORY) != 0 && !directory) return -Errno.ENOTDIR;
            int access = flags & FileTable.O_ACCMODE;
            bool device = kind == FileKind.Null || kind == FileKind.Zero || kind == FileKind.Random;
            if (access != FileTable.O_RDONLY && !device) return directory ? -Errno.EISDIR : -Errno.EROFS;
            uint mode = directory ? FileTable.S_IFDIR | 0x16D : device ? FileTable.S_IFCHR | 0x1B6 : FileTable.S_IFREG | 0x124;
            OpenFile* f = FileTable.NewFile(kind, flags, mode);
            if (f == null) return -Errno.ENOMEM;
            if (contents != null)
            {
                f->Size = (ulong)contents.Length;
                f->Data = (byte*)Heap.Alloc((nuint)contents.Length + 1);
                for (int i = 0; i < contents.Length; i++) f->Data[i] = (byte)contents[i];
            }
            int fd = FileTable.Allocate(f, 0, (flags & FileTable.O_CLOEXEC) != 0);
            if (fd < 0)
            {
                if (f->Data != null) Heap.Free(f->Data);
                Heap.Free(f);
            }
            return fd;
        }

        [LibcExport("close")]
        public static int Close(int fd) => Result(FileTable.Close(fd));

        [LibcExport("read")]
        public static long Read(int fd, byte* buffer, ulong count) => Result(ReadAt(fd, buffer, count, ulong.MaxValue));

        [LibcExport("pread", "pread64")]
        public static long PRead(int fd, byte* buffer, ulong count, long offset) =>
            offset < 0 ? Errno.Fail(Errno.EINVAL) : Result(ReadAt(fd, buffer, count, (ulong)offset));

        // offset = ulong.MaxValue: at (and advancing) the file position.
        internal static long ReadAt(int fd, byte* buffer, ulong count, ulong offset)
        {
            OpenFile* f = FileTable.Get(fd);
            if (f == null) return -Errno.EBADF;
            if ((f->StatusFlags & FileTable.O_ACCMODE) == FileTable.O_WRONLY) return -Errno.EBADF;
            if (count == 0) return 0;
            if (buffer == null) return -Errno.EFAULT;
            switch (f->Kind)
            {
                case FileKind.ConsoleIn: case FileKind.Null: return 0;
                case FileKind.Zero: for (ulong i = 0; i < count; i++) buffer[i] = 0; return (long)count;
                case FileKind.Random: Random.Fill(buffer, count); return (long)count;
                case FileKind.Pipe:
                    if (offset != ulong.MaxValue) return -Errno.ESPIPE;
                    return f->Pipe->Read(buffer, count, (f->StatusFlags & FileTable.O_NONBLOCK) != 0);
                case FileKind.Directory: return -Errno.EISDIR;
                case FileKind.Memory:
                    ulong at = offset == ulong.MaxValue ? f->Position : offset;
                    ulong n = at >= f->Size ? 0 : (f->Size - at < count ? f->Size - at : count);
                    for (ulong i = 0; i < n; i++) buffer[i] = f->Data[at + i];
                    if (offset == ulong.MaxValue) f->Position = at + n;
                    return (long)n;
            }
            return -Errno.EBADF;
        }

        [LibcExport("write")]
        public static long Write(int fd, byte* buffer, ulong count) => Result(WriteTo(fd, buffer, count));

        [LibcExport("pwrite", "pwrite64")]
        public static long PWrite(int fd, byte* buffer, ulong count, long offset) => Result(WriteTo(fd, buffer, count));

        internal static long WriteTo(int fd, byte* buffer, ulong count)
        {
            OpenFile* f = FileTable.Get(fd);
            if (f == null) return -Errno.EBADF;
            if ((f->StatusFlags & FileTable.O_ACCMODE) == FileTable.O_RDONLY) return -Errno.EBADF;
            if (count == 0) return 0;
            if (buffer == null) return -Errno.EFAULT;
            switch (f->Kind)
            {
                case FileKind.ConsoleOut:
                    for (ulong done = 0; done < count;)
                    {
                        int piece = count - done > 1 << 20 ? 1 << 20 : (int)(count - done);
                        KernelConsole.WriteUtf8(buffer + done, piece);
                        done += (ulong)piece;
                    }
                    return (long)count;
                case FileKind.Null: case FileKind.Zero: case FileKind.Random: return (long)count;
                case FileKind.Pipe: return f->Pipe->Write(buffer, count, (f->StatusFlags & FileTable.O_NONBLOCK) != 0);
            }
            return -Errno.EBADF;
        }

        [LibcExport("writev")]
        public static long WriteVector(int fd, ulong* vectors, int count)
        {
            long total = 0;
            for (int i = 0; i < count; i++)
            {
                long n = WriteTo(fd, (byte*)vectors[2 * i], vectors[2 * i + 1]);
                if (n < 0) return total > 0 ? total : Result(n);
                total += n;
            }
            return total;
        }

        [LibcExport("lseek", "lseek64")]
        public static long Seek(int fd, long offset, int whence)
        {
            OpenFile* f = FileTable.Get(fd);
            if (f == null) return Errno.Fail(Errno.EBADF);
            if (f->Kind != FileKind.Memory && f->Kind != FileKind.Null && f->Kind != FileKind.Zero) return Errno.Fail(Errno.ESPIPE);
            long basis = whence == 0 ? 0 : whence == 1 ? (long)f->Position : whence == 2 ? (long)f->Size : -1;
            if (basis < 0 || basis + offset < 0) return Errno.Fail(Errno.EINVAL);
            f->Position = (ulong)(basis + offset);
            return (long)f->Position;
        }

        // struct stat (x86-64): st_dev 0, st_ino 8, st_nlink 16, st_mode 24, st_uid 28, st_gid 32,
        // st_rdev 40, st_size 48, st_blksize 56, st_blocks 64, times 72..119.
        private static void FillStat(OpenFile* f, byte* stat)
        {
            for (int i = 0; i < 144; i++) stat[i] = 0;
            *(ulong*)(stat + 8) = f->Inode;
            *(ulong*)(stat + 16) = 1;
            *(uint*)(stat + 24) = f->Mode;
            *(long*)(stat + 48) = f->Kind == FileKind.Memory ? (long)f->Size : 0;
            *(long*)(stat + 56) = 4096;
            *(long*)(stat + 64) = f->Kind == FileKind.Memory ? (long)((f->Size + 511) / 512) : 0;
        }

        [LibcExport("fstat", "fstat64")]
        public static int FStat(int fd, byte* stat)
        {
            OpenFile* f = FileTable.Get(fd);
            if (f == null) return Errno.Fail(Errno.EBADF);
            FillStat(f, stat);
            return 0;
        }

        [LibcExport("__fxstat", "__fxstat64")]
        public static int FXStat(int version, int fd, byte* stat) => FStat(fd, stat);

        [LibcExport("stat", "stat64", "lstat", "lstat64")]
        public static int Stat(byte* path, byte* stat)
        {
            int fd = OpenAt(path, FileTable.O_RDONLY);
            if (fd < 0) return Errno.Fail(-fd);
            FillStat(FileTable.Get(fd), stat);
            FileTable.Close(fd);
            return 0;
        }

        [LibcExport("__xstat", "__xstat64", "__lxstat", "__lxstat64")]
        public static int XStat(int version, byte* path, byte* stat) => Stat(path, stat);

        [LibcExport("fstatat", "fstatat64", "newfstatat")]
        public static int FStatAt(int dirFd, byte* path, byte* stat, int flags)
        {
            const int AtEmptyPath = 0x1000;
            if ((flags & AtEmptyPath) != 0 && path != null && path[0] == 0) return FStat(dirFd, stat);
            return Stat(path, stat);
        }

        [LibcExport("access", "faccessat")]
        public static int Access(byte* path, int mode)
        {
            int fd = OpenAt(path, FileTable.O_RDONLY);
            if (fd < 0) return Errno.Fail(-fd);
            FileTable.Close(fd);
            return (mode & 2) != 0 ? Errno.Fail(Errno.EROFS) : 0;
        }

        [LibcExport("statfs", "statfs64", "fstatfs", "fstatfs64")]
        public static int StatFs(byte* path, byte* buffer) => Errno.Fail(Errno.ENOENT);

        [LibcExport("fcntl", "fcntl64")]
        public static int Fcntl(int fd, int command, ulong argument)
        {
            const int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_SETLK = 6, F_SETLKW = 7, F_GETLK = 5, F_DUPFD_CLOEXEC = 1030;
            OpenFile* f = FileTable.Get(fd);
            if (f == null) return Errno.Fail(Errno.EBADF);
            switch (command)
            {
                case F_DUPFD: return Result(FileTable.Duplicate(fd, -1, (int)argument, false));
                case F_DUPFD_CLOEXEC: return Result(FileTable.Duplicate(fd, -1, (int)argument, true));
                case F_GETFD: return FileTable.CloseOnExec(fd) ? 1 : 0;
                case F_SETFD: FileTable.SetCloseOnExec(fd, (argument & 1) != 0); return 0;
                case F_GETFL: return f->StatusFlags;
                case F_SETFL:
                    const int Changeable = FileTable.O_APPEND | FileTable.O_NONBLOCK;
                    f->StatusFlags = (f->StatusFlags & ~Changeable) | ((int)argument & Changeable);
                    return 0;
                case F_GETLK: case F_SETLK: case F_SETLKW: return 0;  // one process: nobody to lock against
            }
            return Errno.Fail(Errno.EINVAL);
        }

        [LibcExport("flock")]
        public static int Flock(int fd, int operation) => FileTable.Get(fd) == null ? Errno.Fail(Errno.EBADF) : 0;

        [LibcExport("ioctl")]
        public static int Ioctl(int fd, ulong request, void* argument) =>
            FileTable.Get(fd) == null ? Errno.Fail(Errno.EBADF) : Errno.Fail(Errno.ENOTTY);

        [LibcExport("isatty")]
        public static int IsATty(int fd)
        {
            // No terminal here: the console is a serial line or the VMM's log, like a pipe.
            Errno.Value = FileTable.Get(fd) == null ? Errno.EBADF : Errno.ENOTTY;
            return 0;
        }

        [LibcExport("tcgetattr", "tcsetattr")]
        public static int TcAttr(int fd, void* termios) => FileTable.Get(fd) == null ? Errno.Fail(Errno.EBADF) : Errno.Fail(Errno.ENOTTY);

        [LibcExport("pipe")]
        public static int MakePipe(int* fds) => MakePipe2(fds, 0);

        [LibcExport("pipe2")]
        public static int MakePipe2(int* fds, int flags)
        {
            Pipe* p = Pipe.Create();
            if (p == null) return Errno.Fail(Errno.ENOMEM);
            OpenFile* read = FileTable.NewFile(FileKind.Pipe, FileTable.O_RDONLY | (flags & FileTable.O_NONBLOCK), FileTable.S_IFIFO | 0x180);
            OpenFile* write = FileTable.NewFile(FileKind.Pipe, FileTable.O_WRONLY | (flags & FileTable.O_NONBLOCK), FileTable.S_IFIFO | 0x180);
            read->Pipe = write->Pipe = p;
            read->PipeReadEnd = true;
            bool cloexec = (flags & FileTable.O_CLOEXEC) != 0;
            int r = FileTable.Allocate(read, 0, cloexec);
            int w = r < 0 ? r : FileTable.Allocate(write, 0, cloexec);
            if (w < 0)
            {
                if (r >= 0) FileTable.Close(r);
                return Errno.Fail(-w);
            }
            fds[0] = r;
            fds[1] = w;
            return 0;
        }

        [LibcExport("dup")]
        public static int Dup(int fd) => Result(FileTable.Duplicate(fd, -1, 0, false));

        [LibcExport("dup2")]
        public static int Dup2(int fd, int newFd) => Result(FileTable.Duplicate(fd, newFd, 0, false));

        [LibcExport("dup3")]
        public static int Dup3(int fd, int newFd, int flags) =>
            fd == newFd ? Errno.Fail(Errno.EINVAL) : Result(FileTable.Duplicate(fd, newFd, 0, (flags & FileTable.O_CLOEXEC) != 0));

        /// <summary>poll: readiness of our files; waits (by sleeping in 1 ms steps) up to timeout ms (-1: for ever).</summary>
        [LibcExport("poll")]
        public static int Poll(byte* fds, ulong count, int timeoutMs)
        {
            const short POLLIN = 1, POLLOUT = 4, POLLHUP = 0x10, POLLNVAL = 0x20;
            ulong deadline = timeoutMs < 0 ? ulong.MaxValue : Nacre.Timing.Time.NowNs + (ulong)timeoutMs * 1_000_000;
            while (true)
            {
                int ready = 0;
                for (ulong i = 0; i < count; i++)
                {
                    byte* entry = fds + 8 * i;
                    int fd = *(int*)entry;
                    short events = *(short*)(entry + 4), revents = 0;
                    if (fd >= 0)
                    {
                        OpenFile* f = FileTable.Get(fd);
                        if (f == null) revents = POLLNVAL;
                        else if (f->Kind == FileKind.Pipe)
                        {
                            if (f->PipeReadEnd && (f->Pipe->HasData || f->Pipe->Writers == 0)) revents |= (short)(events & POLLIN);
                            if (f->PipeReadEnd && f->Pipe->Writers == 0) revents |= POLLHUP;
                            if (!f->PipeReadEnd && f->Pipe->HasRoom) revents |= (short)(events & POLLOUT);
                        }
                        else if (f->Kind == FileKind.ConsoleIn) { }
                        else revents = (short)(events & (POLLIN | POLLOUT));
                    }
                    *(short*)(entry + 6) = revents;
                    if (revents != 0) ready++;
                }
                if (ready > 0 || timeoutMs == 0 || Nacre.Timing.Time.NowNs >= deadline) return ready;
                Nacre.Threads.Thread.Sleep(1_000_000);
            }
        }

        [LibcExport("unlink", "rmdir", "mkdir", "rename", "chmod", "chown", "symlink", "link")]
        public static int ReadOnlyFileSystem(byte* path) => Errno.Fail(Errno.EROFS);

        [LibcExport("readlink")]
        public static long ReadLink(byte* path, byte* buffer, ulong size) => Errno.Fail(Errno.ENOENT);

        [LibcExport("getcwd")]
        public static byte* GetCwd(byte* buffer, ulong size)
        {
            if (buffer == null) { buffer = (byte*)Libc.Malloc.Allocate(2); size = 2; }
            if (size < 2) { Errno.Value = Errno.ERANGE; return null; }
            buffer[0] = (byte)'/';
            buffer[1] = 0;
            return buffer;
        }

        [LibcExport("chdir")]
        public static int ChangeDirectory(byte* path) => path != null && path[0] == (byte)'/' && path[1] == 0 ? 0 : Errno.Fail(Errno.ENOENT);

        [LibcExport("fsync", "fdatasync")]
        public static int Sync(int fd) => FileTable.Get(fd) == null ? Errno.Fail(Errno.EBADF) : 0;

        [LibcExport("ftruncate", "ftruncate64")]
        public static int Truncate(int fd, long length) => FileTable.Get(fd) == null ? Errno.Fail(Errno.EBADF) : Errno.Fail(Errno.EINVAL);

        [LibcExport("fallocate", "fallocate64")]
        public static int Allocate(int fd, int mode, long offset, long length) => FileTable.Get(fd) == null ? Errno.Fail(Errno.EBADF) : Errno.Fail(Errno.EBADF);

        /// <summary>posix_fadvise: a hint; 0 or an error number (not errno), as POSIX says.</summary>
        [LibcExport("posix_fadvise", "posix_fadvise64")]
        public static int Advise(int fd, long offset, long length, int advice) => FileTable.Get(fd) == null ? Errno.EBADF : 0;

        /// <summary>realpath: the path itself (there are no links or relative directories to resolve) when it exists.</summary>
        [LibcExport("realpath")]
        public static byte* RealPath(byte* path, byte* resolved)
        {
            if (path == null) { Errno.Value = Errno.EINVAL; return null; }
            int fd = OpenAt(path, FileTable.O_RDONLY);
            if (fd < 0) { Errno.Value = -fd; return null; }
            FileTable.Close(fd);
            ulong n = (ulong)CString.Length(path);
            if (resolved == null) resolved = (byte*)Libc.Malloc.Allocate(n + 1);
            for (ulong i = 0; i <= n; i++) resolved[i] = path[i];
            return resolved;
        }

        [LibcExport("opendir")]
        public static void* OpenDirectory(byte* path)
        {
            Errno.Value = SyntheticFiles.Open(path, out _, out _, out bool directory) ? (directory ? Errno.EACCES : Errno.ENOTDIR) : Errno.ENOENT;
            return null;
        }

        [LibcExport("fdopendir")]
        public static void* OpenDirectoryFd(int fd) { Errno.Value = Errno.ENOTDIR; return null; }

        [LibcExport("readdir", "readdir64")]
        public static void* ReadDirectory(void* dir) { Errno.Value = Errno.EBADF; return null; }

        [LibcExport("closedir")]
        public static int CloseDirectory(void* dir) => Errno.Fail(Errno.EBADF);

        private static int Result(int value) => value < 0 ? Errno.Fail(-value) : value;
        private static long Result(long value) => value < 0 ? Errno.Fail((int)-value) : value;
    }
}
