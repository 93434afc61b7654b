using Nacre.Threads;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// sched.h: yielding, the CPU set (every CPU of the HRT) and the current CPU. Threads stay on
    /// the CPU they started on (the Aerokernel does not migrate threads), so setting an affinity
    /// is accepted only when it includes that CPU, and changes nothing.
    /// </summary>
    public static unsafe class Scheduling
    {
        [LibcExport("sched_yield", "pthread_yield")]
        public static int Yield()
        {
            Thread.Yield();
            Signals.DeliverPending();
            return 0;
        }

        [LibcExport("sched_getaffinity")]
        public static int GetAffinity(int pid, ulong size, byte* set)
        {
            if (pid != 0 && pid != Libc.ProcessStart.ProcessId && !IsThreadId(pid)) return Errno.Fail(Errno.ESRCH);
            int cpus = Nacre.Cpus.Cpus.Count;
            if (size * 8 < (ulong)cpus) return Errno.Fail(Errno.EINVAL);
            for (ulong i = 0; i < size; i++) set[i] = 0;
            for (int c = 0; c < cpus; c++) set[c / 8] |= (byte)(1 << (c % 8));
            return 0;
        }

        [LibcExport("sched_setaffinity")]
        public static int SetAffinity(int pid, ulong size, byte* set)
        {
            PosixThread* self = ThreadControlBlock.CurrentThread;
            int cpu = self != null ? self->Kernel->Cpu : 0;
            if ((ulong)(cpu / 8) >= size || (set[cpu / 8] & (1 << (cpu % 8))) == 0) return Errno.Fail(Errno.EINVAL);
            return 0;
        }

        [LibcExport("pthread_getaffinity_np")]
        public static int ThreadGetAffinity(PosixThread* thread, ulong size, byte* set) => GetAffinity(0, size, set) == 0 ? 0 : Errno.Value;

        [LibcExport("pthread_setaffinity_np")]
        public static int ThreadSetAffinity(PosixThread* thread, ulong size, byte* set)
        {
            int cpu = thread->Kernel->Cpu;
            return (ulong)(cpu / 8) < size && (set[cpu / 8] & (1 << (cpu % 8))) != 0 ? 0 : Errno.EINVAL;
        }

        private static bool IsThreadId(int id) => id > 0 && id <= 1 << 30;

        [LibcExport("sched_getcpu")]
        public static int GetCpu() => Nacre.Cpus.Cpus.Current->Index;

        [LibcExport("getcpu")]
        public static int GetCpuAndNode(uint* cpu, uint* node, void* cache)
        {
            if (cpu != null) *cpu = (uint)Nacre.Cpus.Cpus.Current->Index;
            if (node != null) *node = 0;
            return 0;
        }

        [LibcExport("__sched_cpucount")]
        public static int CpuCount(ulong size, byte* set)
        {
            int n = 0;
            for (ulong i = 0; i < size; i++) n += System.Numerics.BitOperations.PopCount(set[i]);
            return n;
        }

        [LibcExport("__sched_cpualloc")]
        public static void* CpuAlloc(ulong count) => Libc.Malloc.AllocateZeroed(((count + 63) / 64) * 8, 1);

        [LibcExport("__sched_cpufree")]
        public static void CpuFree(void* set) => Libc.Malloc.Free(set);

        [LibcExport("sched_get_priority_max", "sched_get_priority_min")]
        public static int PriorityLimit(int policy) => 0;

        [LibcExport("sched_getscheduler")]
        public static int GetScheduler(int pid) => 0;   // SCHED_OTHER

        [LibcExport("sched_setscheduler", "sched_setparam", "sched_getparam", "setpriority")]
        public static int SetScheduler(int pid, int policy, void* param) => 0;

        [LibcExport("pthread_setschedparam", "pthread_getschedparam")]
        public static int ThreadSchedParam(PosixThread* thread, int policy, void* param) => 0;

        [LibcExport("getpriority")]
        public static int GetPriority(int which, int who) => 0;

        [LibcExport("nice")]
        public static int Nice(int increment) => 0;
    }
}
