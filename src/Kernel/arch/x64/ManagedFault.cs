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
        /// continues there. Interrupted in an epilogue or at a `ret` (of managed code or of an
        /// assembly leaf routine such as the privileged gate), the epilogue is finished first and
        /// the caller's call instruction throws; interrupted inside an assembly leaf routine
        /// (rdtsc, restoring the flags), it does too, when the word at rsp is a return address
        /// into managed code just after a call instruction (the call may have reached the routine
        /// through a tail jump).
        /// </summary>
        public static bool Rethrow(TrapFrame* frame, Exception exception)
        {
            ulong rip = frame->Rip, rsp = frame->Rsp;
            if (Epilogue.Finish(frame))
            {
                // Interrupted in an epilogue (which ilc's unwind data does not describe) or at a
                // leaf routine's ret: the frame is gone; the caller's call instruction throws.
                rip = *(ulong*)frame->Rsp - 1;
                rsp = frame->Rsp + 8;
            }
            else if (!IsManaged(rip))
            {
                ulong ret = *(ulong*)rsp;
                if (IsManaged(ret - 1) && FollowsCall(ret))
                {
                    rip = ret - 1;
                    rsp += 8;
                }
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

        // ret follows a call instruction: call rel32, call [rip+d32], or call through a register
        // or [register] (the callee may have tail-jumped on into the routine interrupted).
        private static bool FollowsCall(ulong ret)
        {
            byte* p = (byte*)ret;
            return p[-5] == 0xE8
                || p[-6] == 0xFF && p[-5] == 0x15
                || p[-2] == 0xFF && (p[-1] & 0x38) == 0x10
                || p[-3] == 0xFF && (p[-2] & 0x38) == 0x10;
        }

        private static bool IsManaged(ulong rip) =>
            Internal.Runtime.CallFrameInfo.FindFunction(rip, out var function) && function.Lsda != null;
    }
}
