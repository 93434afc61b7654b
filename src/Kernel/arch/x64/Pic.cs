namespace Nacre.Arch.X64
{
    /// <summary>
    /// The legacy 8259 PICs, which Nacre does not use: remapped to vectors 0x20–0x2F (so that a
    /// spurious IRQ 7/15 cannot look like a CPU exception) and fully masked. Interrupts come from
    /// the IOAPIC and the local APICs instead.
    /// </summary>
    internal static class Pic
    {
        private const ushort MasterCommand = 0x20, MasterData = 0x21, SlaveCommand = 0xA0, SlaveData = 0xA1;

        public const int VectorBase = 0x20;

        public static void Disable()
        {
            Cpu.OutB(MasterCommand, 0x11);      // ICW1: initialise, ICW4 follows
            Cpu.OutB(SlaveCommand, 0x11);
            Cpu.OutB(MasterData, VectorBase);   // ICW2: vector offsets
            Cpu.OutB(SlaveData, VectorBase + 8);
            Cpu.OutB(MasterData, 4);            // ICW3: slave on IRQ 2
            Cpu.OutB(SlaveData, 2);
            Cpu.OutB(MasterData, 1);            // ICW4: 8086 mode
            Cpu.OutB(SlaveData, 1);
            Cpu.OutB(MasterData, 0xFF);         // mask everything
            Cpu.OutB(SlaveData, 0xFF);
        }
    }
}
