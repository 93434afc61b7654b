using System.Runtime.InteropServices;

namespace Nacre.Arch.X64
{
    /// <summary>The registers interrupts.S saves on entry, in stack order (lowest address first).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TrapFrame
    {
        public ulong R15, R14, R13, R12, R11, R10, R9, R8;
        public ulong Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        public ulong Vector, ErrorCode;
        // Pushed by the CPU.
        public ulong Rip, Cs, Rflags, Rsp, Ss;
    }
}
