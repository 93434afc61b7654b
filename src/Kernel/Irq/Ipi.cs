using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Diagnostics;

namespace Nacre.Irq
{
    /// <summary>
    /// Interprocessor interrupts by CPU index (Cpus numbering). The vector's handler (Interrupts.Register)
    /// runs on the target in interrupt context. Delivery is asynchronous: when Send returns the IPI
    /// has left this CPU, not necessarily been handled; use a flag or counter to wait for its effect.
    /// </summary>
    public static unsafe class Ipi
    {
        /// <summary>Sends vector to CPU number cpu (which may be this CPU).</summary>
        public static void Send(int cpu, int vector)
        {
            if ((uint)cpu >= (uint)Nacre.Cpus.Cpus.Count) Panic.Message("Ipi.Send: no such CPU");
            Tracing.Trace.Record(Tracing.TraceKind.IpiSend, (uint)cpu, (uint)vector);
            Lapic.SendIpi(Nacre.Cpus.Cpus.Get(cpu)->ApicId, Lapic.IcrFixed | (uint)(byte)vector);
            if (IdleParking.Enabled) IdleParking.KickIfParked(cpu);
        }

        /// <summary>Sends vector to every other CPU that is up.</summary>
        public static void SendAllButSelf(int vector)
        {
            if (Nacre.Cpus.Cpus.Count < 2) return;
            Tracing.Trace.Record(Tracing.TraceKind.IpiSend, Tracing.Trace.AllOtherCpus, (uint)vector);
            Lapic.SendIpi(0, Lapic.IcrFixed | Lapic.IcrAllExcludingSelf | (uint)(byte)vector);
            if (IdleParking.Enabled)
                for (int i = 0; i < Nacre.Cpus.Cpus.Count; i++) IdleParking.KickIfParked(i);
        }

        /// <summary>Sends vector to this CPU (taken as soon as IF=1).</summary>
        public static void SendSelf(int vector)
        {
            Tracing.Trace.Record(Tracing.TraceKind.IpiSend, (uint)Nacre.Cpus.Cpus.Current->Index, (uint)vector);
            Lapic.SendIpi(0, Lapic.IcrFixed | Lapic.IcrSelf | (uint)(byte)vector);
        }

        /// <summary>
        /// Wakes a CPU halted anywhere (its idle loop, a Cpus.Wait): it resumes and re-checks. To
        /// wake an idle loop for work, IdleParking.WakeIfHalted is cheaper: no interrupt when parked.
        /// </summary>
        public static void Kick(int cpu) => Send(cpu, Vectors.Kick);
    }
}
