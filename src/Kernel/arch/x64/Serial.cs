namespace Nacre.Arch.X64
{
    /// <summary>16550 UART on COM1: the kernel console under QEMU and on real hardware.</summary>
    internal static class Serial
    {
        private const ushort Com1 = 0x3F8;

        public static void Initialize()
        {
            if (Platform.IsHvm) return;
            Cpu.OutB(Com1 + 1, 0x00);   // no UART interrupts: output is polled
            Cpu.OutB(Com1 + 3, 0x80);   // DLAB on to set the divisor
            Cpu.OutB(Com1 + 0, 0x01);   // 115200 baud
            Cpu.OutB(Com1 + 1, 0x00);
            Cpu.OutB(Com1 + 3, 0x03);   // 8N1
            Cpu.OutB(Com1 + 2, 0xC7);   // FIFOs on, cleared, 14-byte threshold
            Cpu.OutB(Com1 + 4, 0x03);   // DTR, RTS
        }

        public static void Write(byte b)
        {
            if (Platform.IsHvm) { Hypercall.WriteByte(b); return; }
            // Wait for the transmit holding register; bounded so a missing UART cannot hang the kernel.
            for (int i = 0; i < 100000 && (Cpu.InB(Com1 + 5) & 0x20) == 0; i++) Cpu.Pause();
            Cpu.OutB(Com1, b);
        }
    }
}
