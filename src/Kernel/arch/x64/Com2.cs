namespace Nacre.Arch.X64
{
    /// <summary>
    /// The second 16550 UART, a binary side channel to the host (the trace dump: `nacre run
    /// --trace` gives QEMU a second serial port writing to a file). FIFO on and one status check
    /// per 16 bytes, since every port access is a VM exit under QEMU.
    /// </summary>
    internal static class Com2
    {
        private const ushort Port = 0x2F8;
        private const ushort LineStatus = Port + 5;
        private const byte TransmitEmpty = 0x20;
        private const int FifoBytes = 16;

        private static int s_sinceCheck;

        /// <summary>True if a UART answers at COM2 (its line status reads 0xFF when nothing is there).</summary>
        public static bool Present => !Platform.IsHvm && Cpu.InB(LineStatus) != 0xFF;

        public static void Initialize()
        {
            Cpu.OutB(Port + 1, 0x00);   // no interrupts
            Cpu.OutB(Port + 3, 0x80);   // DLAB on to set the divisor
            Cpu.OutB(Port + 0, 0x01);   // 115200 baud (QEMU ignores it)
            Cpu.OutB(Port + 1, 0x00);
            Cpu.OutB(Port + 3, 0x03);   // 8N1
            Cpu.OutB(Port + 2, 0x07);   // FIFOs on and cleared: nothing is ever read from this port
            Cpu.OutB(Port + 4, 0x03);   // DTR, RTS
            s_sinceCheck = 0;
        }

        public static void Write(byte b)
        {
            if (s_sinceCheck == 0)
            {
                // An empty transmitter takes a whole FIFO's worth; bounded so a dead UART cannot hang us.
                for (int i = 0; i < 100000 && (Cpu.InB(LineStatus) & TransmitEmpty) == 0; i++) Cpu.Pause();
            }
            Cpu.OutB(Port, b);
            if (++s_sinceCheck == FifoBytes) s_sinceCheck = 0;
        }
    }
}
