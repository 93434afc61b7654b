using System.Threading;
using Nacre.Arch.X64;
using Nacre.Diagnostics;

namespace Nacre.Irq
{
    /// <summary>
    /// Handlers by vector for everything that is not a CPU exception (vectors ≥ 32). Traps calls
    /// Dispatch; the handler runs in interrupt context (IF=0, on the interrupted stack) on the CPU
    /// that took the interrupt. The LAPIC gets its EOI before the handler runs, so a handler that
    /// never returns (a test failing inside a timer callback long-jumps out) cannot wedge the APIC;
    /// IF stays 0 until the handler returns, so nothing nests. An exception escaping a handler is
    /// thrown on in the interrupted code (docs/exceptions.md).
    /// </summary>
    public static unsafe class Interrupts
    {
        private struct Table { public fixed ulong Handlers[256]; }
        private struct Counts { public fixed long Values[256]; }

        private static Table s_handlers;
        private static Counts s_counts;
        private static int s_nextVector = Vectors.FirstAllocatable;
        private static bool s_enabled;

        /// <summary>True when this CPU takes interrupts now (RFLAGS.IF).</summary>
        public static bool Enabled => Cpu.InterruptsEnabled;

        /// <summary>True once the APICs are set up and interrupts are enabled on the boot CPU.</summary>
        public static bool Ready => s_enabled;

        /// <summary>
        /// Sets up interrupt delivery on the boot CPU: PICs masked, local APIC on (x2APIC when
        /// available), IOAPIC inputs masked; then enables interrupts (IF=1).
        /// </summary>
        public static void Initialize()
        {
            if (Nacre.Acpi.Madt.HasLegacyPic && !Platform.IsHvm) Pic.Disable();
            Lapic.InitializeThisCpu(bootCpu: true, Vectors.Spurious, Vectors.ApicError);
            IoApic.Initialize();
            Register(Vectors.Kick, &OnKick);
            Register(Vectors.ApicError, &OnApicError);
            s_enabled = true;
            Context.InitialFlags = 0x202; // threads created from now on start with interrupts on
            Cpu.EnableInterrupts();
        }

        /// <summary>The same for an application processor's own local APIC (called by its start-up path).</summary>
        internal static void InitializeThisCpu() => Lapic.InitializeThisCpu(bootCpu: false, Vectors.Spurious, Vectors.ApicError);

        /// <summary>A fresh vector for a device or an IPI (0x30–0xEF); panics when none is left.</summary>
        public static int Allocate()
        {
            int v = Interlocked.Increment(ref s_nextVector) - 1;
            if (v > Vectors.LastAllocatable) Panic.Message("out of interrupt vectors");
            return v;
        }

        /// <summary>Installs handler for vector (32–254; null removes it). The last registration wins.</summary>
        public static void Register(int vector, delegate*<TrapFrame*, void> handler)
        {
            if (vector < Vectors.FirstInterrupt || vector >= Vectors.Spurious) Panic.Message("Interrupts.Register: vector out of range");
            fixed (Table* t = &s_handlers) Volatile.Write(ref *(nint*)&t->Handlers[vector], (nint)handler);
        }

        /// <summary>How many times vector was delivered (all CPUs; spurious ones included).</summary>
        public static long Count(int vector)
        {
            fixed (Counts* c = &s_counts) return Volatile.Read(ref c->Values[vector]);
        }

        /// <summary>Called by Traps for vectors ≥ 32.</summary>
        internal static void Dispatch(TrapFrame* frame)
        {
            int vector = (int)frame->Vector;
            fixed (Counts* c = &s_counts) Interlocked.Increment(ref c->Values[vector]);
            // Spurious: the APIC (or a masked PIC) withdrew the request; there is nothing in service to end.
            if (vector == Vectors.Spurious || vector == Vectors.PicSpuriousMaster || vector == Vectors.PicSpuriousSlave) return;
            Lapic.Eoi();
            delegate*<TrapFrame*, void> handler;
            fixed (Table* t = &s_handlers) handler = (delegate*<TrapFrame*, void>)Volatile.Read(ref *(nint*)&t->Handlers[vector]);
            if (handler == null)
            {
                ReportUnexpected(vector);
                return;
            }
            bool traced = Tracing.Trace.On;
            if (traced) Tracing.Trace.InterruptEnter(vector);
            try
            {
                handler(frame);
            }
            catch (System.Exception e)
            {
                // Thrown on in the interrupted code (as if its next instruction threw); where that
                // is not managed code, nothing can catch it.
                if (!Arch.X64.ManagedFault.Rethrow(frame, e)) throw;
            }
            // Before a preemptive switch: the next thread's events belong to the thread ring.
            if (traced) Tracing.Trace.InterruptExit(vector);
            Threads.ThreadScheduler.OnInterruptExit();
        }

        private static void ReportUnexpected(int vector)
        {
            // A stray device or IPI vector: not fatal (it has been acknowledged), but worth a line.
            Nacre.Devices.KernelConsole.WriteAscii("nacre: interrupt on unregistered vector ");
            Nacre.Devices.KernelConsole.WriteDecimal(vector);
            Nacre.Devices.KernelConsole.WriteAscii("\n");
        }

        private static void OnKick(TrapFrame* frame) { }

        private static void OnApicError(TrapFrame* frame)
        {
            Lapic.Write(Lapic.RegEsr, 0);
            Nacre.Devices.KernelConsole.WriteAscii("nacre: local APIC error 0x");
            Nacre.Devices.KernelConsole.WriteHex(Lapic.Read(Lapic.RegEsr), 2);
            Nacre.Devices.KernelConsole.WriteAscii("\n");
        }
    }
}
