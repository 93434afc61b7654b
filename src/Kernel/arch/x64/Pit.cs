namespace Nacre.Arch.X64
{
    /// <summary>
    /// The 8254 PIT, used only as a known clock (1.193182 MHz) to calibrate the TSC: channel 2,
    /// whose gate is port 0x61 bit 0, counts down from 0xFFFF without raising any interrupt.
    /// </summary>
    internal static class Pit
    {
        public const ulong FrequencyHz = 1193182;

        private const ushort Channel2 = 0x42, Command = 0x43, Control = 0x61;

        /// <summary>Starts channel 2 counting down from 0xFFFF (mode 0); the count is valid for 54 ms.</summary>
        public static void StartChannel2()
        {
            byte control = Cpu.InB(Control);
            Cpu.OutB(Control, (byte)(control & ~0x03));         // gate low, speaker off
            Cpu.OutB(Command, 0xB0);                            // channel 2, lo/hi byte, mode 0, binary
            Cpu.OutB(Channel2, 0xFF);
            Cpu.OutB(Channel2, 0xFF);
            Cpu.OutB(Control, (byte)((control & ~0x02) | 0x01)); // gate high: counting starts
        }

        /// <summary>Channel 2's current count (latched, so both bytes belong together).</summary>
        public static ushort ReadChannel2()
        {
            Cpu.OutB(Command, 0x80);                            // latch channel 2
            byte lo = Cpu.InB(Channel2);
            byte hi = Cpu.InB(Channel2);
            return (ushort)(lo | (hi << 8));
        }

        public static void StopChannel2() => Cpu.OutB(Control, (byte)(Cpu.InB(Control) & ~0x03));
    }
}
