using System.Runtime;
using Nacre.Diagnostics;

namespace Nacre.Arch.X64
{
    /// <summary>C# side of every interrupt and exception (called by isr_common with the saved frame).</summary>
    internal static unsafe class Traps
    {
        private static readonly string[] s_names =
        {
            "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow", "#BR bound range",
            "#UD invalid opcode", "#NM device not available", "#DF double fault", "coprocessor overrun",
            "#TS invalid TSS", "#NP segment not present", "#SS stack fault", "#GP general protection",
            "#PF page fault", "reserved", "#MF x87 error", "#AC alignment check", "#MC machine check",
            "#XM SIMD error", "#VE virtualization", "#CP control protection",
        };

        public const int PageFault = 14;

        public const int DivideError = 0;

        [RuntimeExport("nacre_trap")]
        public static void Handle(TrapFrame* frame)
        {
            // Device interrupts and IPIs go to the handler registered for their vector.
            if (frame->Vector >= Nacre.Irq.Vectors.FirstInterrupt)
            {
                Nacre.Irq.Interrupts.Dispatch(frame);
                ForeignCode.OnInterruptReturn(frame);
                return;
            }

            // A fault in code a higher layer loaded (the .NET world) is that layer's to handle.
            if (ForeignCode.OnFault(frame)) return;

            // ilc relies on the hardware for integer division by zero and null dereferences (it
            // emits no explicit checks), so in managed code those faults are the exceptions in
            // disguise: the frame goes back to the faulting code's stack, into the dispatcher.
            if (ManagedFault.Redirect(frame)) return;

            // Every other CPU exception is fatal.
            string name = frame->Vector < (ulong)s_names.Length ? s_names[frame->Vector] : "unexpected interrupt";
            Panic.Fault(name, frame);
        }
    }
}
