using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// Code the kernel did not compile — a program and its libraries loaded by a higher layer (the
    /// .NET world) — runs on kernel threads too. CPU exceptions it raises and interrupts that
    /// arrive while it runs are offered to that layer, which turns them into its own events
    /// (POSIX signals): a fault handler that returns true has dealt with the fault (usually by
    /// changing the frame to resume somewhere else); the interrupt-return hook runs after an
    /// interrupt's handler, just before the interrupted foreign code resumes, and may change the
    /// frame too. Code inside the kernel image is never foreign, so a fault in the kernel (the
    /// layer's own C# included) keeps its usual treatment.
    /// </summary>
    public static unsafe class ForeignCode
    {
        private static delegate*<TrapFrame*, bool> s_fault;
        private static delegate*<TrapFrame*, void> s_interruptReturn;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_image_start")]
        private static extern byte* ImageStart();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_image_end")]
        private static extern byte* ImageEnd();

        /// <summary>Installs the hooks (null removes one). Called once by the layer that loads foreign code.</summary>
        public static void Register(delegate*<TrapFrame*, bool> fault, delegate*<TrapFrame*, void> interruptReturn)
        {
            s_fault = fault;
            s_interruptReturn = interruptReturn;
        }

        /// <summary>True when address lies outside the kernel image.</summary>
        public static bool Contains(ulong address) => address < (ulong)ImageStart() || address >= (ulong)ImageEnd();

        /// <summary>
        /// Where the trap entry saved the interrupted code's FPU/SSE state (FXSAVE layout in its
        /// first 512 bytes, then XSAVE's header and AVX state when XSAVE is used): Fpu.AreaBytes
        /// below the frame, 64-byte aligned (trapframe.h's SAVE_FPU). It is restored from there
        /// when the trap returns.
        /// </summary>
        public static byte* SavedFpuState(TrapFrame* frame) => (byte*)(((ulong)frame - Fpu.AreaBytes) & ~63UL);

        /// <summary>The address a page fault (vector 14) was about: CR2, read while the fault is being handled.</summary>
        public static ulong FaultAddress => Cpu.ReadCr2();

        internal static bool OnFault(TrapFrame* frame) => s_fault != null && Contains(frame->Rip) && s_fault(frame);

        internal static void OnInterruptReturn(TrapFrame* frame)
        {
            if (s_interruptReturn != null && Contains(frame->Rip)) s_interruptReturn(frame);
        }
    }
}
