namespace Nacre.Personality
{
    /// <summary>Linux's errno values (asm-generic/errno-base.h, errno.h) and the calling thread's errno.</summary>
    public static unsafe class Errno
    {
        public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, ENOEXEC = 8, EBADF = 9,
            ECHILD = 10, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, EXDEV = 18, ENODEV = 19,
            ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24, ENOTTY = 25, EFBIG = 27, ENOSPC = 28, ESPIPE = 29,
            EROFS = 30, EMLINK = 31, EPIPE = 32, EDOM = 33, ERANGE = 34, EDEADLK = 35, ENAMETOOLONG = 36, ENOSYS = 38,
            ENOTEMPTY = 39, ELOOP = 40, ENODATA = 61, EOVERFLOW = 75, ENOTSUP = 95, EOPNOTSUPP = 95, EAFNOSUPPORT = 97,
            ETIMEDOUT = 110;

        /// <summary>The calling thread's errno (in its thread control block).</summary>
        public static int Value
        {
            get => *Location;
            set => *Location = value;
        }

        /// <summary>Sets errno and returns -1: the usual failure of a libc call.</summary>
        public static int Fail(int errno)
        {
            *Location = errno;
            return -1;
        }

        /// <summary>Where errno lives for the calling thread (what __errno_location returns).</summary>
        public static int* Location => Posix.ThreadControlBlock.ErrnoOfCurrent;
    }
}
