using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// Exceptions that arrive through the trap handler. CPU faults that .NET turns into exceptions:
    /// a read or write of page 0 (a null reference, NullReferenceException) and #DE
    /// (DivideByZeroException, or OverflowException for int.MinValue / -1). Any other page fault
    /// in managed code becomes an AccessViolationException (in .NET a fatal error; the kernel's
    /// tests use it to observe unmapped pages; a call into a page that cannot be executed counts
    /// from its call site), except one just below the stack pointer: a stack overflow stays a
    /// panic, since the dispatcher would need the stack that ran out. And an exception escaping an
    /// interrupt handler is thrown in the interrupted code, as if its next instruction had thrown it.
    ///
    /// When the instruction belongs to managed code (a function whose FDE carries ilc's EH blob),
    /// the trap returns into nacre_throw_redirected on the interrupted stack instead of to the
    /// instruction, and the exception is dispatched from there. Elsewhere they stay panics.
    /// </summary>
    internal static unsafe class ManagedFault
    {
        // The codes nacre_dispatch_redirected (CoreLib's ExceptionDispatch) understands.
        private const int NullReference = 1, DivideByZero = 2, Overflow = 3, AccessViolation = 4;
        private const int KindFault = 0, KindException = 1;

        private const ulong InstructionFetch = 1 << 4;   // page-fault error code: the access was a fetch
        private const byte Ret = 0xC3;

        // A fault this far below the stack pointer is taken for running into the guard page.
        private const ulong StackOverflowReach = 64 * 1024;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_throw_redirected_address")]
        private static extern ulong ThrowRedirectedAddress();

        /// <summary>A fault of managed code: true if the frame now goes to the dispatcher.</summary>
        public static bool Redirect(TrapFrame* frame)
        {
            int code;
            if (frame->Vector == Traps.DivideError) code = DivideFault.IsOverflow(frame) ? Overflow : DivideByZero;
            else if (frame->Vector == Traps.PageFault)
            {
                ulong address = Cpu.ReadCr2();
                if (address < 0x1000) code = NullReference;
                else if (address < frame->Rsp + 64 && address + StackOverflowReach > frame->Rsp) return false;
                else code = AccessViolation;
            }
            else return false;
            ulong rip = frame->Rip, rsp = frame->Rsp;
            // A call into a page that cannot be executed faults on the callee's first fetch: the
            // managed frame is the caller, at its call instruction (the return address - 1).
            if (code == AccessViolation && (frame->ErrorCode & InstructionFetch) != 0 && rip == Cpu.ReadCr2())
            {
                rip = *(ulong*)rsp - 1;
                rsp += 8;
            }
            return Send(frame, rip, rsp, (ulong)code, KindFault);
        }

        /// <summary>
        /// An interrupt handler threw: true if the interrupted code is managed and the exception now
        /// continues there. Interrupted at the `ret` of an assembly routine (the privileged gate's
        /// return in deprivileged mode), the managed caller's call instruction stands for it.
        /// </summary>
        public static bool Rethrow(TrapFrame* frame, Exception exception)
        {
            ulong rip = frame->Rip, rsp = frame->Rsp;
            if (!IsManaged(rip) && *(byte*)rip == Ret)
            {
                rip = *(ulong*)rsp - 1;
                rsp += 8;
            }
            object boxed = exception;
            return Send(frame, rip, rsp, *(ulong*)&boxed, KindException);
        }

        private static bool Send(TrapFrame* frame, ulong rip, ulong rsp, ulong argument, int kind)
        {
            if (!IsManaged(rip)) return false;
            frame->Rdi = argument;
            frame->Rsi = rip;
            frame->Rdx = (ulong)kind;
            frame->Rsp = rsp;
            frame->Rip = ThrowRedirectedAddress();
            return true;
        }

        private static bool IsManaged(ulong rip) =>
            Internal.Runtime.CallFrameInfo.FindFunction(rip, out var function) && function.Lsda != null;
    }
}
