using Nacre.Abi;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Threads;

namespace Nacre.Bench
{
    /// <summary>
    /// The HVM's hypercalls that paravirtual idle is built on (deprivileged mode only): what one
    /// MMIO exit to the VMM and back costs the CPU that makes it.
    /// </summary>
    public static unsafe class HypercallBenchmarks
    {
        /// <summary>
        /// hypercall.kick: stamp, IdleParking.Kick(1), stamp, with CPU 1 polling (not parked): the
        /// VMM only records the kick (one compare-and-swap), so the sample is the bare exit round
        /// trip — guest store, KVM_EXIT_MMIO to the VMM's vCPU thread, KVM_RUN back.
        /// </summary>
        public static Result Kick(Config config)
        {
            var r = new Result("hypercall.kick", config);
            ThreadScheduler.SetIdlePolicy(1, IdlePolicy.Poll);
            while (!r.Full)
            {
                long kicks = IdleParking.KicksSent;
                long t0 = Bench.Now;
                IdleParking.Kick(1);
                long t1 = Bench.Now;
                if (!r.Add(t1 - t0)) continue;
                r.Expect("exactly one kick hypercall", IdleParking.KicksSent == kicks + 1);
            }
            return r;
        }

        /// <summary>
        /// hypercall.park: stamp, park with a deadline already past, stamp: the exit round trip plus
        /// the VMM's look at the local APIC (KVM_GET_LAPIC) that every park makes before sleeping.
        /// </summary>
        public static Result ParkAtOnce(Config config)
        {
            var r = new Result("hypercall.park", config);
            int self = Bench.ThisCpu;
            while (!r.Full)
            {
                ParkBlock before = IdleParking.CountsOf(self);
                long t0 = Bench.Now;
                IdleParking.ParkUntil((ulong)t0);
                long t1 = Bench.Now;
                ParkBlock after = IdleParking.CountsOf(self);
                if (!r.Add(t1 - t0)) continue;
                r.Expect("the VMM answered at once", after.Parks == before.Parks + 1 && after.AtOnce == before.AtOnce + 1);
            }
            return r;
        }
    }
}
