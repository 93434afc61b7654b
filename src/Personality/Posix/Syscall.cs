using Nacre.Sync;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// libc's syscall(): the Linux system calls a program makes by number (the .NET runtime asks
    /// for futex, membarrier and gettid this way), served by the personality; any other number
    /// fails with ENOSYS. Like glibc's wrapper it returns -1 with errno on failure.
    /// </summary>
    public static unsafe class Syscall
    {
        public const long SYS_read = 0, SYS_write = 1, SYS_close = 3, SYS_mmap = 9, SYS_mprotect = 10, SYS_munmap = 11,
            SYS_rt_sigprocmask = 14, SYS_sched_yield = 24, SYS_madvise = 28, SYS_nanosleep = 35, SYS_getpid = 39, SYS_exit = 60,
            SYS_gettid = 186, SYS_tkill = 200, SYS_futex = 202, SYS_sched_getaffinity = 204, SYS_clock_gettime = 228,
            SYS_exit_group = 231, SYS_tgkill = 234, SYS_getcpu = 309, SYS_getrandom = 318, SYS_membarrier = 324;

        [LibcExport("syscall")]
        public static long Call(long number, long a1, long a2, long a3, long a4, long a5, long a6)
        {
            switch (number)
            {
                case SYS_read: return FileCalls.Read((int)a1, (byte*)a2, (ulong)a3);
                case SYS_write: return FileCalls.Write((int)a1, (byte*)a2, (ulong)a3);
                case SYS_close: return FileCalls.Close((int)a1);
                case SYS_mmap: return (long)MemoryMapping.Map((void*)a1, (ulong)a2, (int)a3, (int)a4, (int)a5, a6);
                case SYS_mprotect: return MemoryMapping.Protect((void*)a1, (ulong)a2, (int)a3);
                case SYS_munmap: return MemoryMapping.Unmap((void*)a1, (ulong)a2);
                case SYS_madvise: return MemoryMapping.Advise((void*)a1, (ulong)a2, (int)a3);
                case SYS_rt_sigprocmask: return Signals.ProcessMask((int)a1, (ulong*)a2, (ulong*)a3);
                case SYS_sched_yield: return Scheduling.Yield();
                case SYS_nanosleep: return Clock.NanoSleep((long*)a1, (long*)a2);
                case SYS_getpid: return SystemInfo.GetPid();
                case SYS_gettid: return Pthreads.ThreadId();
                case SYS_sched_getaffinity: return Scheduling.GetAffinity((int)a1, (ulong)a2, (byte*)a3) == 0 ? (long)((ulong)(Nacre.Cpus.Cpus.Count + 7) / 8) : -1;
                case SYS_clock_gettime: return Clock.GetTime((int)a1, (long*)a2);
                case SYS_getcpu: return Scheduling.GetCpuAndNode((uint*)a1, (uint*)a2, null);
                case SYS_getrandom: Random.Fill((byte*)a1, (ulong)a2); return a2;
                case SYS_futex: return FutexCall((int*)a1, (int)a2, (int)a3, (long*)a4, (int*)a5, (int)a6);
                case SYS_membarrier: return Membarrier((int)a1);
                case SYS_tgkill: return TgKill((int)a2, (int)a3);
                case SYS_tkill: return TgKill((int)a1, (int)a2);
                case SYS_exit_group: Libc.Exit.ExitImmediately((int)a1); return 0;
                case SYS_exit: Pthreads.ExitThread(null); return 0;
            }
            return Errno.Fail(Errno.ENOSYS);
        }

        private const int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10;
        private const int FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;

        /// <summary>futex(2): WAIT (relative timeout), WAIT_BITSET (absolute, CLOCK_MONOTONIC or REALTIME), WAKE, WAKE_BITSET (bitsets taken as "all").</summary>
        private static long FutexCall(int* address, int operation, int value, long* timeout, int* address2, int value3)
        {
            int op = operation & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
            switch (op)
            {
                case FUTEX_WAIT:
                case FUTEX_WAIT_BITSET:
                    {
                        ulong ns = ulong.MaxValue;
                        if (timeout != null)
                        {
                            if (!Clock.FromTimespec(timeout, out ns)) return Errno.Fail(Errno.EINVAL);
                            if (op == FUTEX_WAIT_BITSET)
                            {
                                ulong now = Clock.NowNs((operation & FUTEX_CLOCK_REALTIME) != 0 ? Clock.Realtime : Clock.Monotonic);
                                ns = ns > now ? ns - now : 0;
                            }
                        }
                        int r = Futex.Wait(address, value, ns);
                        Signals.DeliverPending();
                        return r == Futex.Woken ? 0 : Errno.Fail(r == Futex.ValueChanged ? Errno.EAGAIN : Errno.ETIMEDOUT);
                    }
                case FUTEX_WAKE:
                case FUTEX_WAKE_BITSET:
                    return Futex.Wake(address, value);
            }
            return Errno.Fail(Errno.ENOSYS);
        }

        private const int MEMBARRIER_CMD_QUERY = 0, MEMBARRIER_CMD_GLOBAL = 1, MEMBARRIER_CMD_GLOBAL_EXPEDITED = 2,
            MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED = 4, MEMBARRIER_CMD_PRIVATE_EXPEDITED = 8, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED = 16;

        /// <summary>membarrier(2): every other CPU takes an interrupt (a serialising event) before the call returns.</summary>
        private static long Membarrier(int command)
        {
            switch (command)
            {
                case MEMBARRIER_CMD_QUERY:
                    return MEMBARRIER_CMD_GLOBAL | MEMBARRIER_CMD_GLOBAL_EXPEDITED | MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED
                        | MEMBARRIER_CMD_PRIVATE_EXPEDITED | MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED;
                case MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED:
                case MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED:
                    return 0;
                case MEMBARRIER_CMD_GLOBAL:
                case MEMBARRIER_CMD_GLOBAL_EXPEDITED:
                case MEMBARRIER_CMD_PRIVATE_EXPEDITED:
                    // GLOBAL must reach every CPU; the process's own barrier needs only CPUs running threads.
                    if (command == MEMBARRIER_CMD_PRIVATE_EXPEDITED) Nacre.Cpus.Cpus.SynchronizeBusy();
                    else Nacre.Cpus.Cpus.SynchronizeAll();
                    return 0;
            }
            return Errno.Fail(Errno.EINVAL);
        }

        // tgkill/tkill: the thread with that id.
        private static long TgKill(int id, int signal)
        {
            var find = new Find { Id = id };
            LiveThreads.ForEach(&FindById, &find);
            if (find.Thread == null) return Errno.Fail(Errno.ESRCH);
            int r = Signals.Kill(find.Thread, signal);
            return r == 0 ? 0 : Errno.Fail(r);
        }

        private struct Find { public int Id; public PosixThread* Thread; }

        private static void FindById(PosixThread* t, void* state)
        {
            var find = (Find*)state;
            if (t->Id == find->Id) find->Thread = t;
        }
    }
}
