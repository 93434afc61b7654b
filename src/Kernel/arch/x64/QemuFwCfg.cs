namespace Nacre.Arch.X64
{
    /// <summary>
    /// QEMU's firmware configuration device (I/O ports 0x510 selector, 0x511 data): lets tests
    /// check what the machine was started with (-smp) independently of the ACPI tables.
    /// </summary>
    public static class QemuFwCfg
    {
        private const ushort Selector = 0x510, Data = 0x511;
        private const ushort KeySignature = 0x00, KeyCpuCount = 0x05;

        /// <summary>True under QEMU (the signature reads "QEMU").</summary>
        public static bool Present
        {
            get
            {
                if (Platform.IsHvm) return false;   // Nacre's VMM has no fw_cfg ports (and rejects unknown ones)
                Cpu.OutW(Selector, KeySignature);
                return Cpu.InB(Data) == 'Q' && Cpu.InB(Data) == 'E' && Cpu.InB(Data) == 'M' && Cpu.InB(Data) == 'U';
            }
        }

        /// <summary>The number of CPUs QEMU was started with (-smp), or 0 when not under QEMU.</summary>
        public static int CpuCount
        {
            get
            {
                if (!Present) return 0;
                Cpu.OutW(Selector, KeyCpuCount);
                return Cpu.InB(Data) | (Cpu.InB(Data) << 8);
            }
        }
    }
}
