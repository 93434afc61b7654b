using System.Threading;
using Nacre.Abi;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// The HVM's hypercall page (docs/hvm.md; offsets in Nacre.Abi.Hypercalls): stores to a
    /// guest-physical page with no memory behind it reach the VMM as MMIO exits. Unlike port I/O
    /// this works at CPL 3.
    /// </summary>
    internal static unsafe class Hypercall
    {
        private static byte* s_page;

        public static void Initialize(ulong address) => s_page = (byte*)address;

        public static void WriteByte(byte b) => Volatile.Write(ref *(s_page + Hypercalls.ConsoleByte), b);

        /// <summary>Writes length bytes in one exit. The VMM reads them before the store completes.</summary>
        public static void Write(byte* bytes, ulong length)
        {
            ConsoleWriteDescriptor descriptor;
            descriptor.Address = (ulong)bytes;
            descriptor.Length = length;
            Volatile.Write(ref *(ulong*)(s_page + Hypercalls.ConsoleWrite), (ulong)&descriptor);
        }

        public static void Exit(int code) => Volatile.Write(ref *(uint*)(s_page + Hypercalls.Exit), (uint)code);

        /// <summary>Boot timing: the HRT's Main is about to run.</summary>
        public static void NotifyMainStarting() => Volatile.Write(ref *(ulong*)(s_page + Hypercalls.MainStarting), 1);

        /// <summary>Every CPU serves its invoke mailbox; mainResult is what Main returned.</summary>
        public static void NotifyReady(long mainResult) => Volatile.Write(ref *(long*)(s_page + Hypercalls.Ready), mainResult);

        /// <summary>
        /// Paravirtual idle: the VMM sleeps this vCPU until a kick or block->Deadline (guest TSC;
        /// 0 = none), then counts the outcome in the block. The store returns when the vCPU runs again.
        /// </summary>
        public static void Park(ParkBlock* block) => Volatile.Write(ref *(ulong*)(s_page + Hypercalls.Park), (ulong)block);

        /// <summary>Wakes vCPU cpu from Park (or makes its next Park return at once).</summary>
        public static void Kick(int cpu) => Volatile.Write(ref *(uint*)(s_page + Hypercalls.Kick), (uint)cpu);
    }
}
