using Nacre.Abi;
using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Memory;
using Nacre.Threads;
using Nacre.Timing;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Bench
{
    /// <summary>Stamps, waits with a deadline, and memory on cache lines of its own.</summary>
    public static unsafe class Bench
    {
        public const int CacheLine = 64;

        /// <summary>The TSC (rdtsc, not serialising: the same instruction the C baseline uses).</summary>
        public static long Now => (long)Time.Cycles;

        /// <summary>The calling CPU's index.</summary>
        public static int ThisCpu => Nacre.Cpus.Cpus.Current->Index;

        /// <summary>Zeroed memory starting on a cache line, padded to whole lines (never freed).</summary>
        public static void* Lines(int bytes)
        {
            int rounded = (bytes + CacheLine - 1) & ~(CacheLine - 1);
            byte* raw = (byte*)Heap.Alloc((nuint)(rounded + CacheLine));
            if (raw == null) System.Environment.FailFast("bench: out of memory");
            return (void*)(((ulong)raw + CacheLine - 1) & ~(ulong)(CacheLine - 1));
        }

        // A benchmark that hangs would hang the whole run: every wait gives up after 20 s.
        private static long Deadline() => Now + (long)Time.NsToCycles(20_000_000_000UL);

        private static void Expired(string what) => System.Environment.FailFast("bench: timed out waiting for " + what);

        /// <summary>Spins until *p == value (no pause: the spinning side must see the store as soon as it lands).</summary>
        public static void WaitFor(int* p, int value, string what)
        {
            if (Volatile.Read(ref *p) == value) return;
            long deadline = Deadline();
            // The clock is read once every 4096 spins: the loop itself stays a load and a compare.
            for (uint spins = 1; Volatile.Read(ref *p) != value; spins++)
                if ((spins & 4095) == 0 && Now > deadline) Expired(what);
        }

        /// <summary>Spins until *p ≥ value.</summary>
        public static void WaitAtLeast(int* p, int value, string what)
        {
            long deadline = Deadline();
            for (uint spins = 1; Volatile.Read(ref *p) < value; spins++)
                if ((spins & 4095) == 0 && Now > deadline) Expired(what);
        }

        /// <summary>Waits until cpu runs its idle thread (whatever ran there has blocked or exited and switched away).</summary>
        public static void WaitIdle(int cpu)
        {
            long deadline = Deadline();
            while (!IsIdle(cpu))
                if (Now > deadline) Expired($"CPU {cpu} to become idle");
        }

        /// <summary>
        /// Waits until cpu is in hlt (its idle policy must be Halt); where idle CPUs park in the VMM
        /// (IdleParking), until it is inside its park hypercall, still there 20 µs later.
        /// </summary>
        public static void WaitHalted(int cpu)
        {
            long deadline = Deadline();
            while (!ThreadScheduler.IsHalted(cpu) || IdleParking.Enabled && !ParkedFor(cpu, 20_000))
                if (Now > deadline) Expired($"CPU {cpu} to halt");
        }

        private static bool ParkedFor(int cpu, ulong ns)
        {
            ParkBlock before = IdleParking.CountsOf(cpu);
            if (!IdleParking.IsInVmm(cpu)) return false;
            Time.Delay(ns);
            ParkBlock after = IdleParking.CountsOf(cpu);
            return after.Parks == before.Parks && IdleParking.IsInVmm(cpu);
        }

        /// <summary>
        /// Where idle CPUs park: true if cpu's park was ended by a kick since <paramref name="before"/>
        /// (the VMM's counts), and none by its deadline. Checks that a wake-up sample
        /// measured a real park and the kick, not a timeout.
        /// </summary>
        public static bool ParkEndedByKick(int cpu, ParkBlock before)
        {
            ParkBlock after = IdleParking.CountsOf(cpu);
            return after.Kicked > before.Kicked && after.DeadlineWakes == before.DeadlineWakes;
        }

        public static bool IsIdle(int cpu)
        {
            Thread* t = (Thread*)Volatile.Read(ref *(nint*)&Nacre.Cpus.Cpus.Get(cpu)->CurrentThread);
            return t != null && t->IsIdle;
        }

        /// <summary>
        /// Prepares cpu to be woken by the next sample: idle (and, under Halt, halted). A polling
        /// CPU is given a moment after it switched to idle so that it is back in its polling loop.
        /// </summary>
        public static void WaitReady(int cpu, IdlePolicy policy)
        {
            WaitIdle(cpu);
            if (policy == IdlePolicy.Halt) WaitHalted(cpu);
            else Time.Delay(2_000);
        }

        public static string IdlePolicyName(IdlePolicy policy) => policy == IdlePolicy.Poll ? "poll" : "halt";

        /// <summary>Sets the idle policy of every CPU but this one.</summary>
        public static void SetOthersIdlePolicy(IdlePolicy policy)
        {
            int self = ThisCpu;
            for (int cpu = 0; cpu < Nacre.Cpus.Cpus.Count; cpu++)
                if (cpu != self) ThreadScheduler.SetIdlePolicy(cpu, policy);
        }
    }
}
