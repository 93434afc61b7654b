using System.Runtime.InteropServices;

namespace Nacre.Abi
{
    /// <summary>
    /// One vCPU's invoke mailbox (GuestPhysical.MailboxBase + MailboxStride·cpu; docs/hvm.md,
    /// "Invoke mailboxes"): one cache line the host and the HRT write in turn. The host writes
    /// Function and the arguments, then Request (release); the HRT writes Result, then Done =
    /// Request (release), with Failed set if the export threw. A call is pending while
    /// Request != Done with Failed masked off.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    public struct InvokeMailbox
    {
        /// <summary>Bit 63 of Done: the export threw, and Result is the guest address of its report.</summary>
        public const ulong Failed = 1UL << 63;

        /// <summary>The interrupt vector of the MSI the host sends after a post when idle CPUs halt.</summary>
        public const int WakeVector = 0xF3;

        /// <summary>The arguments an export takes (each 64 bits; doubles travel as their bits).</summary>
        public const int ArgumentCount = 4;

        [FieldOffset(0x00)] public ulong Request;
        /// <summary>The guest address of the export.</summary>
        [FieldOffset(0x08)] public ulong Function;
        [FieldOffset(0x10)] public long Arg0;
        [FieldOffset(0x18)] public long Arg1;
        [FieldOffset(0x20)] public long Arg2;
        [FieldOffset(0x28)] public long Arg3;
        [FieldOffset(0x30)] public long Result;
        [FieldOffset(0x38)] public ulong Done;
    }
}
