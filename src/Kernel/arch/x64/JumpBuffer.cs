using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>Saved callee-saved registers, stack pointer and resume address (runtime.S).</summary>
    public unsafe struct JumpBuffer
    {
        private fixed ulong _registers[8];

        /// <summary>Returns 0 when saving; the value passed to LongJump when resumed.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_setjmp")]
        public static extern int SetJump(JumpBuffer* buffer);

        /// <summary>Resumes the SetJump that filled buffer; the frames in between are abandoned.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_longjmp")]
        public static extern void LongJump(JumpBuffer* buffer, int value);
    }
}
