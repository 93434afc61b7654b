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

        [RuntimeExport("nacre_trap")]
        public static void Handle(TrapFrame* frame)
        {
            // Exceptions are fatal for now: device interrupts and IPIs get handlers with the scheduler.
            string name = frame->Vector < (ulong)s_names.Length ? s_names[frame->Vector] : "unexpected interrupt";
            Panic.Fault(name, frame);
        }
    }
}
