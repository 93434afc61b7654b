using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>Saved callee-saved registers, stack pointer, resume address and RFLAGS (setjmp.S;
    /// the offsets it uses are structoffsets.h's JMPBUF_*, checked by the AsmOffsets test).</summary>
    public unsafe struct JumpBuffer
    {
        /// <summary>Bytes in a buffer: 6 registers, RSP, RIP, RFLAGS (the interrupt flag comes back with a long jump), padding.</summary>
        public const int Size = 80;

        public ulong Rbx, Rbp, R12, R13, R14, R15, Rsp, Rip, Rflags;
        private ulong _padding;

        /// <summary>Returns 0 when saving; the value passed to LongJump when resumed.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_setjmp")]
        public static extern int SetJump(JumpBuffer* buffer);

        /// <summary>Resumes the SetJump that filled buffer; the frames in between are abandoned.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_longjmp")]
        public static extern void LongJump(JumpBuffer* buffer, int value);
    }
}
