namespace Nacre.Arch.X64
{
    /// <summary>16550 UART on COM1: the kernel console under QEMU and on real hardware.</summary>
    internal static class Serial
    {
        private const ushort Com1 = 0x3F8;
        private const ushort LineStatus = Com1 + 5;
        private const byte DataReady = 0x01;
        private const byte TransmitEmpty = 0x20;

        public static void Initialize()
        {
            if (Platform.IsHvm) return;
            Cpu.OutB(Com1 + 1, 0x00);   // no UART interrupts: output and input are polled
            Cpu.OutB(Com1 + 3, 0x80);   // DLAB on to set the divisor
            Cpu.OutB(Com1 + 0, 0x01);   // 115200 baud
            Cpu.OutB(Com1 + 1, 0x00);
            Cpu.OutB(Com1 + 3, 0x03);   // 8N1
            // FIFOs stay off, as after reset: turning them on discards what was received, and
            // input piped into QEMU is typically waiting before the kernel starts. (Output waits
            // for an empty transmitter per byte either way.)
            Cpu.OutB(Com1 + 2, 0x00);
            Cpu.OutB(Com1 + 4, 0x03);   // DTR, RTS
        }

        public static void Write(byte b)
        {
            if (Platform.IsHvm) { Hypercall.WriteByte(b); return; }
            // Wait for the transmit holding register; bounded so a missing UART cannot hang the kernel.
            for (int i = 0; i < 100000 && (Cpu.InB(LineStatus) & TransmitEmpty) == 0; i++) Cpu.Pause();
            Cpu.OutB(Com1, b);
        }

        /// <summary>A received byte, if one is waiting (never blocks). One reader at a time.</summary>
        public static bool TryRead(out byte b)
        {
            b = 0;
            if (Platform.IsHvm) return false;      // the VMM's console is output only
            byte status = Cpu.InB(LineStatus);
            if (status == 0xFF || (status & DataReady) == 0) return false;   // 0xFF: no UART at the port
            b = Cpu.InB(Com1);
            return true;
        }
    }
}
