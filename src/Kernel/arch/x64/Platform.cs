namespace Nacre.Arch.X64
{
    /// <summary>Ends the machine: QEMU's isa-debug-exit device (port 0xF4) turns a write of v into exit status 2v+1.</summary>
    internal static class Platform
    {
        private const ushort DebugExitPort = 0xF4;

        /// <summary>Exit code reported for a kernel panic (QEMU status 255).</summary>
        public const int PanicExitCode = 127;

        public static void Exit(int code)
        {
            Cpu.OutL(DebugExitPort, (uint)code & 0x7F);
            // Not under QEMU (or the device is absent): stop here.
            Cpu.Stop();
        }
    }
}
