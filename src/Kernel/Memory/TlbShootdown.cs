using System.Threading;
using Nacre.Arch.X64;
using Nacre.Diagnostics;
using Nacre.Irq;
using Nacre.Sync;
using SpinLock = Nacre.Sync.SpinLock;

namespace Nacre.Memory
{
    /// <summary>
    /// Invalidating a translation on every CPU (TLB shootdown). The page tables are shared, but
    /// each CPU caches translations in its own TLB: after Paging removes or changes a present
    /// mapping (and invalidates it locally), Invalidate asks every other CPU that is up to
    /// invalidate it too, with an IPI, and waits until each has answered. Paging calls it; other
    /// code normally needs it only after editing page tables by hand.
    ///
    /// One shootdown runs at a time. A CPU waiting to start one answers the one in progress, so
    /// two CPUs shooting at each other cannot deadlock; the initiator waits with interrupts off.
    /// It must not hold a lock that another CPU may be spinning on with interrupts off (that CPU
    /// could not answer): Paging drops its own lock first.
    /// </summary>
    public static unsafe class TlbShootdown
    {
        /// <summary>Invalidate's address for "every translation" (a CR3 reload: global pages excepted).</summary>
        public const ulong Everything = ulong.MaxValue;

        private const ulong AnswerTimeoutNs = 10_000_000_000UL; // TCG with more vCPUs than host cores is slow

        private struct PerCpuGenerations { public fixed long Values[Nacre.Cpus.Cpus.Max]; }

        private static SpinLock s_lock;                 // held by the CPU whose shootdown is in progress
        private static long s_generation;
        private static ulong s_address;                 // what the shootdown in progress invalidates
        private static int s_pending;                   // CPUs that have not answered it yet
        private static PerCpuGenerations s_requested;   // per CPU: the shootdown it must answer
        private static PerCpuGenerations s_answered;    // per CPU: the last one it answered
        private static long s_count;

        /// <summary>Shootdowns that sent IPIs (for tests and statistics).</summary>
        public static long Count => Volatile.Read(ref s_count);

        internal static void Initialize() => Interrupts.Register(Vectors.TlbShootdown, &OnShootdown);

        /// <summary>
        /// Invalidates the 4 KiB page holding address (or Everything) on every other CPU that is
        /// up; returns once all have done it. The caller has already changed the tables and
        /// invalidated its own TLB. Without interrupts or other CPUs there is nothing to do.
        /// </summary>
        public static void Invalidate(ulong address)
        {
            if (!Interrupts.Ready || Nacre.Cpus.Cpus.Count < 2) return;
            if (address != Everything) address &= ~(Paging.PageSize - 1);
            ulong flags = Cpu.SaveFlagsAndDisableInterrupts();
            int self = Nacre.Cpus.Cpus.Current->Index;
            while (!s_lock.TryAcquire())
            {
                Answer(self);
                Cpu.Pause();
            }

            // The targets, fixed once: a CPU registering meanwhile flushes everything itself.
            int count = Nacre.Cpus.Cpus.Count, targets = 0;
            int* target = stackalloc int[count];
            for (int i = 0; i < count; i++)
                if (i != self && Nacre.Cpus.Cpus.Get(i) != null) target[targets++] = i;
            long generation = s_generation + 1;
            s_generation = generation;
            s_address = address;
            Volatile.Write(ref s_pending, targets);
            // x86 keeps stores in order: a CPU that sees its request sees the address and count too.
            fixed (PerCpuGenerations* requested = &s_requested)
                for (int k = 0; k < targets; k++)
                {
                    Volatile.Write(ref requested->Values[target[k]], generation);
                    Ipi.Send(target[k], Vectors.TlbShootdown);
                }
            if (targets != 0) Interlocked.Increment(ref s_count);

            ulong deadline = Timing.Time.NowNs + AnswerTimeoutNs;
            while (Volatile.Read(ref s_pending) != 0)
            {
                Cpu.Pause();
                if (Timing.Time.NowNs > deadline) Panic.Message("TLB shootdown: a CPU did not answer (interrupts off too long?)");
            }
            s_lock.Release();
            Cpu.RestoreFlags(flags);
        }

        /// <summary>
        /// A CPU that has just joined (its start-up path, once registered): drops whatever it
        /// cached before shootdowns counted it.
        /// </summary>
        internal static void JoinThisCpu()
        {
            Interlocked.MemoryBarrier();
            Cpu.FlushTlb();
        }

        private static void OnShootdown(TrapFrame* frame) => Answer(Nacre.Cpus.Cpus.Current->Index);

        // With interrupts off: invalidates what the shootdown in progress asks of this CPU, once.
        private static void Answer(int cpu)
        {
            long wanted;
            fixed (PerCpuGenerations* requested = &s_requested) wanted = Volatile.Read(ref requested->Values[cpu]);
            fixed (PerCpuGenerations* answered = &s_answered)
            {
                if (answered->Values[cpu] == wanted) return;
                answered->Values[cpu] = wanted;
            }
            ulong address = s_address;
            if (address == Everything) Cpu.FlushTlb();
            else Cpu.InvalidatePage(address);
            Interlocked.Decrement(ref s_pending);
        }
    }
}
