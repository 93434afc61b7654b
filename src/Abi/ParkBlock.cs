using System.Runtime.InteropServices;

namespace Nacre.Abi
{
    /// <summary>
    /// The block a park hypercall (Hypercalls.Park) names (docs/hvm.md, "Paravirtual idle"): the
    /// guest writes Deadline and Now, the VMM counts each park's outcome. One per vCPU, 8-byte
    /// aligned, in the kernel's PerCpu.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 48)]
    public struct ParkBlock
    {
        /// <summary>Guest TSC at which to resume; 0: only a kick resumes it.</summary>
        [FieldOffset(0x00)] public ulong Deadline;
        /// <summary>Guest TSC when parking (the VMM converts Deadline - Now to its own clock).</summary>
        [FieldOffset(0x08)] public ulong Now;
        /// <summary>Park hypercalls: one that sleeps counted as it commits to sleeping, others as they end.</summary>
        [FieldOffset(0x10)] public ulong Parks;
        /// <summary>... that returned without sleeping (kick pending, interrupt in flight, deadline past).</summary>
        [FieldOffset(0x18)] public ulong AtOnce;
        /// <summary>... that slept and were ended by a kick.</summary>
        [FieldOffset(0x20)] public ulong Kicked;
        /// <summary>... that slept until the deadline.</summary>
        [FieldOffset(0x28)] public ulong DeadlineWakes;
    }
}
