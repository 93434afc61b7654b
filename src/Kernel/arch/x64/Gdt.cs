using Nacre.Memory;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// A GDT and TSS of its own for an application processor: a TSS cannot be shared (ltr marks its
    /// descriptor busy, and IST1 must be a stack of that CPU). The descriptors mirror boot.S's GDT,
    /// so every selector (0x08 code, 0x10 data, 0x18/0x20 user, 0x28 TSS) means the same on every CPU.
    /// </summary>
    internal static unsafe class Gdt
    {
        private const int Entries = 7, TssSize = 104;

        /// <summary>Builds the tables and returns the 10-byte GDTR image (limit, base) to load.</summary>
        public static byte* CreateForCpu(ulong doubleFaultStackTop)
        {
            byte* block = (byte*)BootHeap.Alloc(Entries * 8 + 8 + TssSize + 16);
            ulong* gdt = (ulong*)block;
            byte* tss = block + 64;
            byte* gdtr = tss + 112;

            gdt[0] = 0;
            gdt[1] = 0x00AF9A000000FFFF;    // kernel code, 64-bit
            gdt[2] = 0x00CF92000000FFFF;    // kernel data
            gdt[3] = 0x00CFF2000000FFFF;    // user data
            gdt[4] = 0x00AFFA000000FFFF;    // user code, 64-bit
            ulong b = (ulong)tss;
            gdt[5] = 0x0000890000000000UL | (TssSize - 1) | ((b & 0xFFFFFF) << 16) | (((b >> 24) & 0xFF) << 56);
            gdt[6] = b >> 32;

            // RSP0: where deprivileged mode enters CPL 0 (interrupts, gates). Not the CPU's own
            // stack: CPL 3 code runs on that, and the CPU would push frames over its live top.
            const int Ring0StackSize = 16 * 1024;
            *(ulong*)(tss + 4) = (ulong)BootHeap.Alloc(Ring0StackSize) + Ring0StackSize;
            *(ulong*)(tss + 36) = doubleFaultStackTop;  // IST1: the IDT sends #DF there
            // IST2: where ring-0 interrupts enter before moving below the interrupted red zone (interrupts.S).
            const int InterruptStackSize = 4096;
            *(ulong*)(tss + 44) = (ulong)BootHeap.Alloc(InterruptStackSize) + InterruptStackSize;
            *(ushort*)(tss + 102) = TssSize;            // no I/O permission bitmap

            *(ushort*)gdtr = Entries * 8 - 1;
            *(ulong*)(gdtr + 2) = (ulong)gdt;
            return gdtr;
        }
    }
}
