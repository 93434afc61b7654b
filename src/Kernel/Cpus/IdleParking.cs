using System.Threading;
using Nacre.Abi;
using Nacre.Arch.X64;
using Nacre.Irq;

namespace Nacre.Cpus
{
    /// <summary>
    /// How an idle CPU with the Halt policy sleeps, and how a waker gets it back.
    ///
    /// In ring-0 mode it executes hlt and a wake-up is an IPI (<see cref="Ipi.Kick"/>). In the
    /// HVM's deprivileged mode both would be trips through ring 0, which kvm-pvm emulates (a halt
    /// and the reflected interrupt that ends it cost hundreds of thousands of cycles), so there the
    /// CPU *parks*: one MMIO store (hypercall 0x30) after which the VMM sleeps the vCPU's host
    /// thread until a kick (hypercall 0x38, stored by the waker) or the CPU's next timer deadline.
    /// The store then completes and the idle loop looks for its work at CPL 3: no interrupt.
    ///
    /// No lost wake-ups: the idle loop publishes <see cref="PerCpu.Halted"/> (a locked exchange),
    /// then looks for work, then parks; a waker publishes its work, fences, then reads Halted —
    /// one of the two sees the other. A kick that reaches the VMM before the park is kept there and
    /// ends the park at once. Interrupts sent to a parked CPU (timers armed from elsewhere, TLB
    /// shoot-downs, synchronisation) come with a kick too (<see cref="Ipi.Send"/>), and the VMM does
    /// not sleep a vCPU with an interrupt in its local APIC.
    /// </summary>
    public static unsafe class IdleParking
    {
        private static long s_kicks;

        /// <summary>True when halting CPUs park in the VMM (the HVM in deprivileged mode).</summary>
        public static bool Enabled => Platform.IsHvm && Platform.Deprivileged;

        /// <summary>Kick hypercalls this kernel has stored (wake-ups of parked CPUs).</summary>
        public static long KicksSent => Volatile.Read(ref s_kicks);

        /// <summary>The VMM's counts for cpu: parks, and how they ended.</summary>
        public static ParkBlock CountsOf(int cpu)
        {
            ParkBlock* b = &Cpus.Get(cpu)->Park;
            return new ParkBlock
            {
                Parks = Volatile.Read(ref b->Parks), AtOnce = Volatile.Read(ref b->AtOnce),
                Kicked = Volatile.Read(ref b->Kicked), DeadlineWakes = Volatile.Read(ref b->DeadlineWakes),
            };
        }

        /// <summary>
        /// True while cpu sleeps in a park hypercall, where a kick is what wakes it (the VMM counts
        /// such a park as it commits to sleeping, its outcome as it ends). For benchmarks and tests
        /// that must know they wake a parked CPU.
        /// </summary>
        public static bool IsInVmm(int cpu)
        {
            ParkBlock b = CountsOf(cpu);
            return b.Parks > b.AtOnce + b.Kicked + b.DeadlineWakes;
        }

        /// <summary>
        /// Wakes cpu's idle loop to find work the caller has just made visible (and fenced):
        /// a halted CPU gets a kick (hypercall or IPI); a running or polling one finds it anyway.
        /// </summary>
        public static void WakeIfHalted(int cpu)
        {
            PerCpu* target = Cpus.Get(cpu);
            if (Volatile.Read(ref target->Halted) == 0 || target == Cpus.Current) return;
            if (Enabled) Kick(cpu);
            else Ipi.Kick(cpu);
        }

        /// <summary>After an IPI to cpu: a parked CPU would not see it until its deadline.</summary>
        internal static void KickIfParked(int cpu)
        {
            Interlocked.MemoryBarrier();    // the IPI (a store to the ICR) before the read of Halted
            PerCpu* target = Cpus.Get(cpu);
            if (target != null && Volatile.Read(ref target->Halted) != 0 && target != Cpus.Current) Kick(cpu);
        }

        /// <summary>
        /// Kicks cpu whatever its state: parked, it resumes; otherwise its next park returns at
        /// once. Wake-ups use WakeIfHalted; this is for measuring the hypercall.
        /// </summary>
        public static void Kick(int cpu)
        {
            if (!Enabled) Diagnostics.Panic.Message("IdleParking.Kick: idle CPUs do not park here (only the HVM's deprivileged mode)");
            if ((uint)cpu >= (uint)Cpus.Count) Diagnostics.Panic.Message("IdleParking.Kick: no such CPU");
            Interlocked.Increment(ref s_kicks);
            Hypercall.Kick(cpu);
        }

        /// <summary>
        /// Parks the calling CPU until deadline (a TSC value, not 0) or a kick, outside the idle
        /// loop: Halted is not set, so no waker kicks it; for measuring the hypercall.
        /// </summary>
        public static void ParkUntil(ulong deadline)
        {
            if (!Enabled) Diagnostics.Panic.Message("IdleParking.ParkUntil: idle CPUs do not park here (only the HVM's deprivileged mode)");
            if (deadline == 0) Diagnostics.Panic.Message("IdleParking.ParkUntil: 0 is no deadline");
            ulong flags = Cpu.SaveFlagsAndDisableInterrupts();
            Park(Cpus.Current, deadline);
            Cpu.RestoreFlags(flags);
        }

        /// <summary>
        /// The idle loop, with Halted published and no work found: parks until a kick or deadline
        /// (a TSC value, 0 = none). Returns at once if an interrupt arrived while interrupts were
        /// off (the idle loop delivers it when it turns them back on).
        /// </summary>
        internal static void Park(PerCpu* cpu, ulong deadline)
        {
            if ((cpu->PendingVectors[0] | cpu->PendingVectors[1] | cpu->PendingVectors[2] | cpu->PendingVectors[3]) != 0) return;
            cpu->Park.Deadline = deadline;
            cpu->Park.Now = Cpu.ReadTsc();
            Hypercall.Park(&cpu->Park);
        }
    }
}
