namespace Nacre.Personality.Posix
{
    /// <summary>
    /// Networking: an HRT has no network stack (its Linux side has one, and MPI over it), so no
    /// socket can be created (socket fails with EAFNOSUPPORT) and every call on a descriptor
    /// reports that it is not a socket; epoll, which only sockets would feed, cannot be created.
    /// </summary>
    public static unsafe class Sockets
    {
        private static int NotASocket(int fd) => Errno.Fail(FileTable.Get(fd) == null ? Errno.EBADF : ENOTSOCK);
        private const int ENOTSOCK = 88;

        [LibcExport("connect", "bind", "listen", "accept", "accept4", "getpeername", "getsockname")]
        public static int Address(int fd, void* address, void* length) => NotASocket(fd);

        [LibcExport("getsockopt", "setsockopt")]
        public static int Option(int fd, int level, int name, void* value, void* length) => NotASocket(fd);

        [LibcExport("send", "recv", "sendto", "recvfrom")]
        public static long Transfer(int fd, void* buffer, ulong length, int flags) => NotASocket(fd);

        [LibcExport("sendmsg", "recvmsg")]
        public static long Message(int fd, void* message, int flags) => NotASocket(fd);

        [LibcExport("shutdown")]
        public static int Shutdown(int fd, int how) => NotASocket(fd);

        [LibcExport("epoll_create", "epoll_create1")]
        public static int EpollCreate(int flags) => Errno.Fail(Errno.ENOSYS);

        [LibcExport("epoll_ctl")]
        public static int EpollControl(int epoll, int operation, int fd, void* ev) => Errno.Fail(Errno.EBADF);

        [LibcExport("epoll_wait", "epoll_pwait")]
        public static int EpollWait(int epoll, void* events, int count, int timeout) => Errno.Fail(Errno.EBADF);

        [LibcExport("getaddrinfo")]
        public static int GetAddressInfo(byte* node, byte* service, void* hints, void** result) { *result = null; return -2; }   // EAI_NONAME

        [LibcExport("freeaddrinfo")]
        public static void FreeAddressInfo(void* info) { }
    }
}
