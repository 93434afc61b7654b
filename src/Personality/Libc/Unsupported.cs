namespace Nacre.Personality.Libc
{
    /// <summary>
    /// Functions a program may import that cannot work in an HRT, which has one process and no
    /// other programs: they exist so that the program loads, and fail when called with the errno
    /// a Linux program would see in a sandbox without the facility (docs/dotnet.md lists them).
    /// </summary>
    public static unsafe class Unsupported
    {
        [LibcExport("fork", "vfork")]
        public static int Fork() => Errno.Fail(Errno.ENOSYS);

        [LibcExport("execv", "execvp", "execve", "execvpe", "fexecve")]
        public static int Exec(byte* path, byte** argv, byte** envp) => Errno.Fail(Errno.ENOSYS);

        [LibcExport("waitpid", "wait4")]
        public static int WaitPid(int pid, int* status, int options) => Errno.Fail(Errno.ECHILD);

        [LibcExport("wait")]
        public static int Wait(int* status) => Errno.Fail(Errno.ECHILD);

        [LibcExport("waitid")]
        public static int WaitId(int type, int id, void* info, int options) => Errno.Fail(Errno.ECHILD);

        [LibcExport("system")]
        public static int System(byte* command) => command == null ? 0 : Errno.Fail(Errno.ENOSYS);

        [LibcExport("posix_spawn", "posix_spawnp")]
        public static int Spawn(int* pid, byte* path, void* actions, void* attributes, byte** argv, byte** envp) => Errno.ENOSYS;

        [LibcExport("socket", "socketpair")]
        public static int Socket(int domain, int type, int protocol) => Errno.Fail(Errno.EAFNOSUPPORT);

        [LibcExport("setsid", "setpgid", "setuid", "setgid", "seteuid", "setegid")]
        public static int SetId(int id) => Errno.Fail(Errno.EPERM);

        [LibcExport("chroot", "mount", "umount")]
        public static int Mount(byte* path) => Errno.Fail(Errno.EPERM);
    }
}
