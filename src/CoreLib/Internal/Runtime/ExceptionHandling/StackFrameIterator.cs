using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// The state of one exception dispatch that its funclets' callers can find: the dispatcher
    /// keeps it in its own frame and passes its address to nacre_eh_call_funclet, which leaves it
    /// just above the funclet's return address.
    /// </summary>
    internal struct ExInfo
    {
        public object Exception;
        /// <summary>The frame whose funclet runs now, and whether its Rip is exact (a fault).</summary>
        public RegisterContext Frame;
        public bool FrameExactPc;
        /// <summary>The clause whose funclet runs now.</summary>
        public uint ClauseIndex;
    }

    /// <summary>
    /// Walks a thread's managed frames from a thrower towards its callers, one FDE at a time.
    /// A frame is a function with an FDE (managed methods and funclets carry an LSDA; assembly
    /// routines do not). Walking out of a catch, finally or fault funclet reaches the dispatcher
    /// that called it; the frames between (the earlier thrower's, already unwound, and the
    /// dispatcher's own) are skipped: the walk continues at the frame that owns the funclet, past
    /// the clause that was running (StartClause). Out of a filter funclet the walk goes on
    /// normally, into the dispatcher, whose own catch makes an exception in a filter a "no".
    /// </summary>
    internal unsafe struct StackFrameIterator
    {
        public const uint NoClause = uint.MaxValue;

        public RegisterContext Context;
        /// <summary>Context.Rip is the faulting instruction (the first frame of a CPU fault), not a return address.</summary>
        public bool ExactPc;
        public CallFrameInfo.Function Function;
        /// <summary>After skipping to a funclet's owner: clauses up to this index were being handled already.</summary>
        public uint StartClause;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_eh_funclet_return_address")]
        private static extern ulong FuncletReturnAddress();

        public bool Init(RegisterContext* context, bool exactPc)
        {
            Context = *context;
            ExactPc = exactPc;
            StartClause = NoClause;
            return Find();
        }

        /// <summary>The caller's frame; false at the end of the walk (no FDE, or no caller).</summary>
        public bool Next()
        {
            bool inHandlerFunclet = Function.Lsda != null && EHClauses.KindOf(Function.Lsda) == EHClauses.KindHandler;
            if (!CallFrameInfo.Unwind(Function, ref Context, ExactPc)) return false;
            ExactPc = false;
            StartClause = NoClause;
            if (inHandlerFunclet && Context.Rip == FuncletReturnAddress())
            {
                ExInfo* running = *(ExInfo**)Context.Rsp;
                Context = running->Frame;
                ExactPc = running->FrameExactPc;
                StartClause = running->ClauseIndex;
            }
            return Context.Rip != 0 && Find();
        }

        /// <summary>The exception dispatch whose funclet is this frame's caller (for `throw;` in a catch funclet).</summary>
        public ExInfo* CallingDispatch()
        {
            if (Function.Lsda == null || EHClauses.KindOf(Function.Lsda) != EHClauses.KindHandler) return null;
            RegisterContext caller = Context;
            if (!CallFrameInfo.Unwind(Function, ref caller, ExactPc) || caller.Rip != FuncletReturnAddress()) return null;
            return *(ExInfo**)caller.Rsp;
        }

        private bool Find() => CallFrameInfo.FindFunction(ExactPc ? Context.Rip : Context.Rip - 1, out Function);
    }
}
