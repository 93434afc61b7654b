namespace Nacre.Arch.X64
{
    /// <summary>
    /// What layers above the kernel may ask of the processor directly: identification (CPUID),
    /// the time-stamp counter, the spin-wait hint and which state components the kernel enabled.
    /// Nothing here is privileged; everything privileged stays behind Cpu, inside arch/x64.
    /// </summary>
    public static class Processor
    {
        public static CpuidResult Cpuid(uint leaf, uint subleaf = 0) => Cpu.Cpuid(leaf, subleaf);

        public static ulong ReadTimestamp() => Cpu.ReadTsc();

        public static void Pause() => Cpu.Pause();

        /// <summary>Whether AVX state is enabled for code on this CPU: CPUID.1:ECX.OSXSAVE and XCR0's SSE and AVX bits.</summary>
        public static bool AvxStateEnabled => (Cpu.Cpuid(1).Ecx & (1u << 27)) != 0 && (Cpu.ReadXcr0() & 6) == 6;
    }
}
