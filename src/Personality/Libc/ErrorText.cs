namespace Nacre.Personality.Libc
{
    /// <summary>strerror and friends: glibc's messages for the errno values the personality uses.</summary>
    public static unsafe class ErrorText
    {
        private static byte** s_texts;
        private const int Count = 134;

        private static void Build()
        {
            var t = (byte**)Nacre.Memory.Heap.Alloc(8 * Count);
            void Set(int e, string text) => t[e] = CString.FromManaged(text);
            Set(0, "Success"); Set(Errno.EPERM, "Operation not permitted"); Set(Errno.ENOENT, "No such file or directory");
            Set(Errno.ESRCH, "No such process"); Set(Errno.EINTR, "Interrupted system call"); Set(Errno.EIO, "Input/output error");
            Set(Errno.ENXIO, "No such device or address"); Set(Errno.E2BIG, "Argument list too long"); Set(Errno.ENOEXEC, "Exec format error");
            Set(Errno.EBADF, "Bad file descriptor"); Set(Errno.ECHILD, "No child processes"); Set(Errno.EAGAIN, "Resource temporarily unavailable");
            Set(Errno.ENOMEM, "Cannot allocate memory"); Set(Errno.EACCES, "Permission denied"); Set(Errno.EFAULT, "Bad address");
            Set(Errno.EBUSY, "Device or resource busy"); Set(Errno.EEXIST, "File exists"); Set(Errno.EXDEV, "Invalid cross-device link");
            Set(Errno.ENODEV, "No such device"); Set(Errno.ENOTDIR, "Not a directory"); Set(Errno.EISDIR, "Is a directory");
            Set(Errno.EINVAL, "Invalid argument"); Set(Errno.ENFILE, "Too many open files in system"); Set(Errno.EMFILE, "Too many open files");
            Set(Errno.ENOTTY, "Inappropriate ioctl for device"); Set(Errno.EFBIG, "File too large"); Set(Errno.ENOSPC, "No space left on device");
            Set(Errno.ESPIPE, "Illegal seek"); Set(Errno.EROFS, "Read-only file system"); Set(Errno.EMLINK, "Too many links");
            Set(Errno.EPIPE, "Broken pipe"); Set(Errno.EDOM, "Numerical argument out of domain"); Set(Errno.ERANGE, "Numerical result out of range");
            Set(Errno.EDEADLK, "Resource deadlock avoided"); Set(Errno.ENAMETOOLONG, "File name too long"); Set(Errno.ENOSYS, "Function not implemented");
            Set(Errno.ENOTEMPTY, "Directory not empty"); Set(Errno.ELOOP, "Too many levels of symbolic links"); Set(Errno.ENODATA, "No data available");
            Set(Errno.EOVERFLOW, "Value too large for defined data type"); Set(Errno.ENOTSUP, "Operation not supported");
            Set(Errno.EAFNOSUPPORT, "Address family not supported by protocol"); Set(Errno.ETIMEDOUT, "Connection timed out");
            s_texts = t;
        }

        /// <summary>The message for errno (the unknown ones read "Unknown error N", in buffer when given, else a shared one).</summary>
        public static byte* Of(int errno, byte* buffer = null, ulong size = 0)
        {
            if (s_texts == null) Build();
            if (errno >= 0 && errno < Count && s_texts[errno] != null) return s_texts[errno];
            byte* unknown = buffer != null && size >= 32 ? buffer : s_unknown;
            string text = "Unknown error " + errno.ToString();
            int i = 0;
            for (; i < text.Length && i < 31; i++) unknown[i] = (byte)text[i];
            unknown[i] = 0;
            return unknown;
        }

        private static byte* s_unknown = (byte*)Nacre.Memory.Heap.Alloc(32);

        [LibcExport("strerror")]
        public static byte* StrError(int errno) => Of(errno);

        /// <summary>The GNU strerror_r (what glibc exports under this name): returns the message.</summary>
        [LibcExport("strerror_r")]
        public static byte* StrErrorR(int errno, byte* buffer, ulong size) => Of(errno, buffer, size);

        /// <summary>The XSI strerror_r: copies the message into buffer.</summary>
        [LibcExport("__xpg_strerror_r")]
        public static int StrErrorXsi(int errno, byte* buffer, ulong size)
        {
            byte* text = Of(errno);
            ulong n = (ulong)CString.Length(text);
            if (size == 0) return Errno.ERANGE;
            ulong copy = n < size - 1 ? n : size - 1;
            for (ulong i = 0; i < copy; i++) buffer[i] = text[i];
            buffer[copy] = 0;
            return copy < n ? Errno.ERANGE : 0;
        }

        [LibcExport("gai_strerror")]
        public static byte* GaiStrError(int code) => Of(Errno.EINVAL);
    }
}
