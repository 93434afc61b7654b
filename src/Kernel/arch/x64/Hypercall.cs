using System.Threading;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// The HVM's hypercall page (docs/hvm.md): stores to a guest-physical page with no memory
    /// behind it reach the VMM as MMIO exits. Unlike port I/O this works at CPL 3.
    /// </summary>
    internal static unsafe class Hypercall
    {
        private const ulong ConsoleByte = 0x00, ConsoleWrite = 0x08, ExitCode = 0x10, MainStarting = 0x18, Ready = 0x20, ParkCall = 0x30, KickCall = 0x38;

        private static byte* s_page;

        public static void Initialize(ulong address) => s_page = (byte*)address;

        public static void WriteByte(byte b) => Volatile.Write(ref *(s_page + ConsoleByte), b);

        /// <summary>Writes length bytes in one exit. The VMM reads them before the store completes.</summary>
        public static void Write(byte* bytes, ulong length)
        {
            ulong* descriptor = stackalloc ulong[2];
            descriptor[0] = (ulong)bytes;
            descriptor[1] = length;
            Volatile.Write(ref *(ulong*)(s_page + ConsoleWrite), (ulong)descriptor);
        }

        public static void Exit(int code) => Volatile.Write(ref *(uint*)(s_page + ExitCode), (uint)code);

        /// <summary>Boot timing: the HRT's Main is about to run.</summary>
        public static void NotifyMainStarting() => Volatile.Write(ref *(ulong*)(s_page + MainStarting), 1);

        /// <summary>Every CPU serves its invoke mailbox; mainResult is what Main returned.</summary>
        public static void NotifyReady(long mainResult) => Volatile.Write(ref *(long*)(s_page + Ready), mainResult);

        /// <summary>
        /// Paravirtual idle: the VMM sleeps this vCPU until a kick or block->Deadline (guest TSC;
        /// 0 = none), then counts the outcome in the block. The store returns when the vCPU runs again.
        /// </summary>
        public static void Park(ParkBlock* block) => Volatile.Write(ref *(ulong*)(s_page + ParkCall), (ulong)block);

        /// <summary>Wakes vCPU cpu from Park (or makes its next Park return at once).</summary>
        public static void Kick(int cpu) => Volatile.Write(ref *(uint*)(s_page + KickCall), (uint)cpu);
    }

    /// <summary>The block a park hypercall names (docs/hvm.md): the guest writes the first two fields, the VMM the counts.</summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    public struct ParkBlock
    {
        public ulong Deadline;          // guest TSC at which to resume; 0: only a kick resumes it
        public ulong Now;               // guest TSC when parking (the VMM converts Deadline - Now to its own clock)
        public ulong Parks;             // park hypercalls: one that sleeps counted as it commits to sleeping, others as they end
        public ulong AtOnce;            // ... that returned without sleeping (kick pending, interrupt in flight, deadline past)
        public ulong Kicked;            // ... that slept and were ended by a kick
        public ulong DeadlineWakes;     // ... that slept until the deadline
    }
}
