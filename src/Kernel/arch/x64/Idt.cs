using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>The interrupt descriptor table: every vector goes to its stub in interrupts.S.</summary>
    internal static unsafe class Idt
    {
        private struct Gate
        {
            public ushort OffsetLow;
            public ushort Selector;
            public byte Ist;
            public byte TypeAttributes;
            public ushort OffsetMid;
            public uint OffsetHigh;
            public uint Reserved;
        }

        private struct Table
        {
            public fixed byte Gates[256 * 16];
        }

        private static Table s_table;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_isr_stub_table")]
        private static extern ulong* StubTable();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_depriv_breakpoint_address")]
        private static extern ulong DeprivilegedGateEntry();

        private const int Breakpoint = 3;

        public const int DoubleFault = 8;
        private const int FirstInterrupt = 32;

        public static void Initialize()
        {
            ulong* stubs = StubTable();
            fixed (Table* t = &s_table)
            {
                Gate* gates = (Gate*)t;
                for (int v = 0; v < 256; v++)
                {
                    // Deprivileged mode's gate into ring 0 is int3 from CPL 3 (deprivileged.S).
                    bool gate = v == Breakpoint && Platform.Deprivileged;
                    ulong handler = gate ? DeprivilegedGateEntry() : stubs[v];
                    gates[v].OffsetLow = (ushort)handler;
                    gates[v].Selector = 0x08;
                    // Double faults run on their own stack (TSS IST1): the usual cause is an overflowed stack.
                    // Ring-0 interrupts enter on IST2 (interrupts.S: red zones); deprivileged mode
                    // reflects them below the red zone itself.
                    gates[v].Ist = (byte)(v == DoubleFault ? 1 : v >= FirstInterrupt && !Platform.Deprivileged ? 2 : 0);
                    gates[v].TypeAttributes = (byte)(gate ? 0xEE : 0x8E); // present, DPL 3 or 0, 64-bit interrupt gate
                    gates[v].OffsetMid = (ushort)(handler >> 16);
                    gates[v].OffsetHigh = (uint)(handler >> 32);
                    gates[v].Reserved = 0;
                }
            }
            Load();
        }

        /// <summary>Loads the (shared, already built) IDT on the calling CPU: every CPU uses the same gates.</summary>
        public static void Load()
        {
            fixed (Table* t = &s_table)
            {
                byte* pointer = stackalloc byte[10];
                *(ushort*)pointer = 256 * 16 - 1;
                *(ulong*)(pointer + 2) = (ulong)t;
                Cpu.LoadIdt(pointer);
            }
        }
    }
}
