using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// CPU faults that .NET turns into exceptions: a read or write of page 0 (a null reference,
    /// NullReferenceException) and #DE (DivideByZeroException, or OverflowException for
    /// int.MinValue / -1). Any other page fault in managed code becomes an
    /// AccessViolationException (in .NET a fatal error; the kernel's tests use it to observe
    /// unmapped pages; a call into a page that cannot be executed counts from its call site),
    /// except one just below the stack pointer: a stack overflow stays a panic,
    /// since the dispatcher would need the stack that ran out. When the faulting instruction belongs to managed code (a function whose
    /// FDE carries ilc's EH blob), the trap returns into nacre_throw_hardware on the faulting
    /// stack instead of to the instruction, and the exception is dispatched from there as if the
    /// instruction had thrown it. Faults elsewhere, and every other fault, stay panics.
    /// </summary>
    internal static unsafe class ManagedFault
    {
        // The codes nacre_dispatch_hardware_exception (CoreLib's ExceptionDispatch) understands.
        private const int NullReference = 1, DivideByZero = 2, Overflow = 3, AccessViolation = 4;

        private const ulong InstructionFetch = 1 << 4;   // page-fault error code: the access was a fetch

        private static bool IsManaged(ulong rip) =>
            Internal.Runtime.CallFrameInfo.FindFunction(rip, out var function) && function.Lsda != null;

        // A fault this far below the stack pointer is taken for running into the guard page.
        private const ulong StackOverflowReach = 64 * 1024;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_throw_hardware_address")]
        private static extern ulong ThrowHardwareAddress();

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
            if (!IsManaged(rip)) return false;
            frame->Rdi = (ulong)code;
            frame->Rsi = rip;
            frame->Rsp = rsp;
            frame->Rip = ThrowHardwareAddress();
            return true;
        }
    }
}
