using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// Exception dispatch, from ilc's own EH clauses and the DWARF unwind data it emits, in two
    /// passes as in .NET: the first walks the frames from the thrower, running filters, until a
    /// clause takes the exception (none: the kernel's unhandled-exception panic, with the stack
    /// still intact); the second walks the same frames again running the finally and fault
    /// funclets it passes, then calls the catch funclet and resumes its method where the funclet
    /// says. Everything lives in the throwing thread's own frames, so threads and CPUs dispatch
    /// independently, in either privilege mode. exceptions.S holds the entry points.
    /// </summary>
    internal static unsafe class ExceptionDispatch
    {
        private const int KindThrow = 0, KindRethrow = 1;

        /// <summary>The fault codes the kernel's trap handler passes (ManagedFault.cs chooses them).</summary>
        private const int HardwareNullReference = 1, HardwareDivideByZero = 2, HardwareOverflow = 3, HardwareAccessViolation = 4;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_eh_call_funclet")]
        private static extern long CallFunclet(object argument, byte* funclet, RegisterContext* frame, ExInfo* exInfo);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_eh_resume")]
        private static extern void Resume(RegisterContext* frame, ulong address);

        /// <summary>Called by RhpThrowEx (kind 0) and RhpRethrow (kind 1) with the thrower's registers.</summary>
        [RuntimeExport("nacre_dispatch_exception")]
        public static void Dispatch(object exception, RegisterContext* thrower, int kind)
        {
            if (kind == KindRethrow)
            {
                StackFrameIterator site = default;
                ExInfo* active = site.Init(thrower, false) ? site.CallingDispatch() : null;
                if (active == null) KernelImports.FailFast("throw; outside a catch funclet");
                exception = active->Exception;
            }
            else
            {
                exception ??= new NullReferenceException("Object reference not set to an instance of an object.");
                if (exception is Exception e) e._stackTrace.Clear();
            }
            Run(exception, thrower, false);
        }

        /// <summary>
        /// Called by nacre_throw_redirected, where the kernel's trap handler sends a managed frame
        /// whose instruction at context->Rip faulted (kind 0: argument is the fault's code) or was
        /// interrupted by a handler that threw (kind 1: argument is the exception).
        /// </summary>
        [RuntimeExport("nacre_dispatch_redirected")]
        public static void DispatchRedirected(ulong argument, RegisterContext* context, int kind)
        {
            object exception;
            if (kind == 1)
            {
                exception = *(object*)&argument;
                if (exception is Exception e) e._stackTrace.Clear();
            }
            else exception = (int)argument switch
            {
                HardwareNullReference => new NullReferenceException(),
                HardwareDivideByZero => new DivideByZeroException(),
                HardwareOverflow => new OverflowException(),
                HardwareAccessViolation => new AccessViolationException(),
                _ => new SystemException("unknown hardware exception"),
            };
            Run(exception, context, true);
        }

        private static void Run(object exception, RegisterContext* thrower, bool exactPc)
        {
            Exception traced = exception as Exception;
            ExInfo info = default;
            info.Exception = exception;
            info.ClauseIndex = StackFrameIterator.NoClause;

            // Pass 1: find the catching frame (counted from the thrower) and clause.
            StackFrameIterator frames = default;
            int frame = 0, catchFrame = -1;
            EHClause catcher = default;
            uint catchIndex = 0;
            for (bool more = frames.Init(thrower, exactPc); more; more = frames.Next(), frame++)
            {
                if (frames.Function.Lsda == null) continue;     // assembly: no clauses
                traced?._stackTrace.Append(frames.Context.Rip);
                if (FindCatch(exception, ref frames, out catcher, out catchIndex)) { catchFrame = frame; break; }
            }
            if (catchFrame < 0) KernelImports.UnhandledException(exception);

            // Pass 2: the finally and fault funclets up to the catch, then the catch itself.
            frames.Init(thrower, exactPc);
            for (int i = 0; i < catchFrame; i++)
            {
                RunFinallies(ref frames, ref info, StackFrameIterator.NoClause);
                frames.Next();
            }
            RunFinallies(ref frames, ref info, catchIndex);
            info.Frame = frames.Context;
            info.FrameExactPc = frames.ExactPc;
            info.ClauseIndex = catchIndex;
            ulong resume = (ulong)CallFunclet(exception, catcher.Handler, &info.Frame, &info);
            Resume(&info.Frame, resume);
        }

        // The first clause of this frame that takes the exception: a catch of its type or a base,
        // or a filter that says yes. Clauses a funclet of this frame was handling are skipped.
        private static bool FindCatch(object exception, ref StackFrameIterator frames, out EHClause clause, out uint index)
        {
            index = 0;
            clause = default;
            if (!EHClauses.Open(frames.Function.Lsda, frames.Function.Start, out EHClauses clauses)) return false;
            uint offset = (uint)(frames.Context.Rip - clauses.MethodStart);
            ClauseSkipper skip = new ClauseSkipper(frames.StartClause);
            for (uint i = 0; clauses.Next(out clause); i++)
            {
                if (skip.Skips(i, clause) || !clause.Contains(offset)) continue;
                if (clause.Kind == EHClause.Typed && IsInstanceOf(exception, clause.Type)
                    || clause.Kind == EHClause.Filter && RunFilter(exception, clause.FilterFunclet, ref frames.Context))
                {
                    index = i;
                    return true;
                }
            }
            return false;
        }

        // Runs the finally/fault funclets of this frame whose try holds the frame's pc, innermost
        // first, stopping before clause limit (the catching clause in the catching frame).
        private static void RunFinallies(ref StackFrameIterator frames, ref ExInfo info, uint limit)
        {
            if (frames.Function.Lsda == null) return;
            if (!EHClauses.Open(frames.Function.Lsda, frames.Function.Start, out EHClauses clauses)) return;
            uint offset = (uint)(frames.Context.Rip - clauses.MethodStart);
            ClauseSkipper skip = new ClauseSkipper(frames.StartClause);
            for (uint i = 0; i < limit && clauses.Next(out EHClause clause); i++)
            {
                if (skip.Skips(i, clause) || clause.Kind != EHClause.Fault || !clause.Contains(offset)) continue;
                info.Frame = frames.Context;
                info.FrameExactPc = frames.ExactPc;
                info.ClauseIndex = i;
                fixed (ExInfo* running = &info) CallFunclet(null, clause.Handler, &running->Frame, running);
            }
        }

        // An exception escaping a filter counts as the filter declining (as in .NET): the walk out
        // of the filter funclet comes back into this frame.
        private static bool RunFilter(object exception, byte* filter, ref RegisterContext frame)
        {
            try
            {
                RegisterContext copy = frame;
                return CallFunclet(exception, filter, &copy, null) != 0;
            }
            catch
            {
                return false;
            }
        }

        private static bool IsInstanceOf(object o, MethodTable* type)
        {
            for (MethodTable* t = o.GetMethodTable(); t != null; t = t->BaseType)
                if (t == type) return true;
            return false;
        }

        /// <summary>
        /// Resuming a frame after one of its funclets: the clauses up to the one that was running
        /// have had their turn, and so have the following ones for the same try block (the other
        /// catches of one try). ilc separates different try blocks over the same code with an
        /// empty fault clause, which ends the skipping.
        /// </summary>
        private struct ClauseSkipper
        {
            private uint _start, _lastTryStart, _lastTryEnd;
            private bool _skipping;

            public ClauseSkipper(uint start)
            {
                _start = start;
                _skipping = start != StackFrameIterator.NoClause;
                _lastTryStart = _lastTryEnd = 0;
            }

            public bool Skips(uint index, in EHClause clause)
            {
                if (!_skipping) return false;
                if (index <= _start)
                {
                    _lastTryStart = clause.TryStart;
                    _lastTryEnd = clause.TryEnd;
                    return true;
                }
                if (clause.TryStart == _lastTryStart && clause.TryEnd == _lastTryEnd) return true;
                _skipping = false;
                return false;
            }
        }

        [RuntimeExport("RhpFallbackFailFast")]
        public static void FallbackFailFast() => KernelImports.FailFast("runtime fallback fail-fast");
    }
}
