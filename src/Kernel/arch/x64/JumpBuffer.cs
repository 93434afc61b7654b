using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>Saved callee-saved registers, stack pointer, resume address and RFLAGS (setjmp.S).</summary>
    public unsafe struct JumpBuffer
    {
        /// <summary>Bytes in a buffer: 6 registers, RSP, RIP, RFLAGS (the interrupt flag comes back with a long jump), padding.</summary>
        public const int Size = 80;

        private fixed ulong _registers[Size / 8];

        /// <summary>Returns 0 when saving; the value passed to LongJump when resumed.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_setjmp")]
        public static extern int SetJump(JumpBuffer* buffer);

        /// <summary>Resumes the SetJump that filled buffer; the frames in between are abandoned.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_longjmp")]
        public static extern void LongJump(JumpBuffer* buffer, int value);
    }
}
