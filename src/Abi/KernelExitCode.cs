namespace Nacre.Abi
{
    /// <summary>
    /// Exit codes with a meaning between a kernel and what runs it: the HVM (Hypercalls.Exit, or
    /// port 0xF4 in ring-0 mode) and QEMU's isa-debug-exit (status 2·code + 1).
    /// </summary>
    public static class KernelExitCode
    {
        /// <summary>The kernel panicked; its report is on the console.</summary>
        public const int Panic = 127;
    }
}
