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
            return SwitchFrame(sp, ThreadStartAddress(), InitialFlags, r12: argument);
        }

        /// <summary>
        /// Pushes below sp what arch_switch restores: a switch to the returned stack pointer loads
        /// these registers and RFLAGS, then returns to resumeAt (with the stack at sp).
        /// </summary>
        public static ulong SwitchFrame(ulong* sp, ulong resumeAt, ulong flags, ulong rbp = 0, ulong rbx = 0,
                                        ulong r12 = 0, ulong r13 = 0, ulong r14 = 0, ulong r15 = 0)
        {
            *--sp = resumeAt;
            *--sp = flags;
            *--sp = rbp;
            *--sp = rbx;
            *--sp = r12;
            *--sp = r13;
            *--sp = r14;
            *--sp = r15;
            return (ulong)sp;
        }
    }
}
