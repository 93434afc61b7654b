using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Nacre.Runtimes.Parallel
{
    /// <summary>
    /// The platform interface on Linux: .NET threads pinned to one core each with
    /// sched_setaffinity, a [ThreadStatic] for the worker, futex waits, the TSC (read by a
    /// ten-byte rdtsc stub, .NET having no intrinsic for it) calibrated against the monotonic
    /// clock, and native memory (never moved by the GC).
    /// </summary>
    internal static unsafe partial class Platform
    {
        [ThreadStatic] private static nint t_value;

        private const long SysFutex = 202;
        private const int FutexWaitPrivate = 128;     // FUTEX_WAIT | FUTEX_PRIVATE_FLAG
        private const int FutexWakePrivate = 129;     // FUTEX_WAKE | FUTEX_PRIVATE_FLAG

        [DllImport("libc.so.6", EntryPoint = "syscall")]
        private static extern long Syscall(long number, int* address, int operation, int value, void* timeout, void* address2, int value3);

        [DllImport("libc.so.6", EntryPoint = "sched_setaffinity")]
        private static extern int SchedSetAffinity(int pid, nuint size, ulong* mask);

        [DllImport("libc.so.6", EntryPoint = "mmap")]
        private static extern void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

        public static partial int CpuCount() => Environment.ProcessorCount;

        public static partial void StartBoundThread(int cpu, delegate*<void*, void> entry, void* argument, nuint stackBytes)
        {
            nint e = (nint)entry, a = (nint)argument;
            var thread = new System.Threading.Thread(() =>
            {
                Pin(cpu);
                ((delegate*<void*, void>)e)((void*)a);
            }, (int)stackBytes);
            thread.IsBackground = true;
            thread.Name = "nacre-worker-" + cpu;
            thread.Start();
        }

        /// <summary>Binds the calling thread to one CPU.</summary>
        public static void Pin(int cpu)
        {
            ulong* mask = stackalloc ulong[16];
            for (int i = 0; i < 16; i++) mask[i] = 0;
            mask[cpu / 64] = 1UL << (cpu % 64);
            if (SchedSetAffinity(0, 16 * sizeof(ulong), mask) != 0) Fail($"sched_setaffinity to CPU {cpu} failed");
        }

        public static partial void* ThreadValue() => (void*)t_value;

        public static partial void SetThreadValue(void* value) => t_value = (nint)value;

        public static partial void WaitWhileZero(int* word)
        {
            if (System.Threading.Volatile.Read(ref *word) == 0) Syscall(SysFutex, word, FutexWaitPrivate, 0, null, null, 0);
        }

        public static partial void Wake(int* word) => Syscall(SysFutex, word, FutexWakePrivate, int.MaxValue, null, null, 0);

        public static partial void Pause() => System.Runtime.Intrinsics.X86.X86Base.Pause();

        public static partial void Yield() => System.Threading.Thread.Yield();

        public static partial void YieldIfCooperative() { }

        private static delegate* unmanaged<ulong> s_rdtsc;
        private static ulong s_hz;

        public static partial ulong Cycles()
        {
            if (s_rdtsc == null) s_rdtsc = MakeRdtsc();
            return s_rdtsc();
        }

        private static delegate* unmanaged<ulong> MakeRdtsc()
        {
            // rdtsc; shl rdx, 32; or rax, rdx; ret
            byte[] code = { 0x0F, 0x31, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3 };
            const int ProtReadWriteExec = 7, MapPrivateAnonymous = 0x22;
            byte* page = (byte*)Mmap(null, 4096, ProtReadWriteExec, MapPrivateAnonymous, -1, 0);
            if (page == (byte*)-1) Fail("mmap of the rdtsc stub failed");
            for (int i = 0; i < code.Length; i++) page[i] = code[i];
            return (delegate* unmanaged<ulong>)page;
        }

        public static partial ulong CycleHz()
        {
            if (s_hz != 0) return s_hz;
            // Three 20 ms windows against the monotonic clock; the median is the frequency.
            ulong* f = stackalloc ulong[3];
            for (int i = 0; i < 3; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                ulong c0 = Cycles();
                while (Stopwatch.GetTimestamp() - t0 < Stopwatch.Frequency / 50) { }
                long t1 = Stopwatch.GetTimestamp();
                ulong c1 = Cycles();
                f[i] = (ulong)((double)(c1 - c0) * Stopwatch.Frequency / (t1 - t0));
            }
            ulong lo = Math.Min(f[0], Math.Min(f[1], f[2])), hi = Math.Max(f[0], Math.Max(f[1], f[2]));
            s_hz = f[0] + f[1] + f[2] - lo - hi;
            return s_hz;
        }

        public static partial void* Allocate(nuint bytes)
        {
            void* p = NativeMemory.AlignedAlloc(bytes == 0 ? 1 : bytes, 64);
            if (p == null) Fail("Nacre.Runtimes.Parallel: out of memory");
            NativeMemory.Clear(p, bytes);
            return p;
        }

        public static partial void Free(void* memory) => NativeMemory.AlignedFree(memory);

        // Linux has perf for this: nothing is recorded.
        public static partial void TraceTask(TaskEvent what, void* job, uint detail) { }

        public static partial void Fail(string message) => Environment.FailFast(message);
    }
}
