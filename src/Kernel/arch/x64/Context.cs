using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>Thread context switching (context.S): a thread at rest is one saved stack pointer.</summary>
    public static unsafe class Context
    {
        /// <summary>RFLAGS a new thread starts with: IF set once interrupts are in use.</summary>
        public static ulong InitialFlags = 0x2;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_switch")]
        public static extern void Switch(ulong* save, ulong resume);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_thread_start_address")]
        private static extern ulong ThreadStartAddress();

        /// <summary>
        /// Lays out a new thread's stack so that switching to it enters arch_thread_start with
        /// r12 = argument; returns the stack pointer to switch to.
        /// </summary>
        public static ulong InitialStack(ulong stackTop, ulong argument)
        {
            ulong* sp = (ulong*)(stackTop & ~15UL);
            *--sp = 0;                      // alignment slot: arch_thread_start's "return address"
            *--sp = ThreadStartAddress();   // where the first switch returns to
            *--sp = InitialFlags;           // RFLAGS
            *--sp = 0;                      // rbp
            *--sp = 0;                      // rbx
            *--sp = argument;               // r12
            *--sp = 0;                      // r13
            *--sp = 0;                      // r14
            *--sp = 0;                      // r15
            return (ulong)sp;
        }
    }
}
