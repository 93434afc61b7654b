using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Nacre.Arch.X64;
using Nacre.Devices;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// Running signal handlers. From a trap (a fault in the program's code, or the return of an
    /// interrupt that found the program running) the handler gets the interrupted context
    /// (SignalContext) and runs on the interrupted thread's own stack, below its red zone; what
    /// it leaves in the context is what resumes. From the personality's own code (the sender
    /// itself, a thread back from a wait) the context is the personality's, captured in
    /// assembly; a handler that redirects such a context resumes it there (personality.S).
    /// A fault nobody handles, or a signal whose default action ends the program, ends the run
    /// with a report naming the signal and where it happened.
    /// </summary>
    public static unsafe class SignalDelivery
    {
        /// <summary>What a run killed by a signal exits with (the machine reports at most 126).</summary>
        public const int KilledExitCode = 126;

        private const ulong RedZone = 128;
        private const ulong HandlerStackMargin = 32 * 1024;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "personality_call_on_stack")]
        private static extern void CallOnStack(ulong function, ulong a0, ulong a1, ulong a2, ulong stackTop);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "personality_capture_context")]
        private static extern void CaptureContext(byte* uc);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "personality_resume_context")]
        private static extern void ResumeContext(byte* uc);

        public static void Initialize() => ForeignCode.Register(&OnFault, &OnInterruptReturn);

        // A CPU exception in the program's code (ForeignCode). True: delivered (the frame now
        // holds whatever the handler chose to resume).
        private static bool OnFault(TrapFrame* f)
        {
            PosixThread* self = ThreadControlBlock.CurrentThread;
            if (self == null) return false;
            int signal, code;
            ulong address = 0;
            switch ((int)f->Vector)
            {
                case 0: signal = Signals.SIGFPE; code = 1; address = f->Rip; break;               // #DE: FPE_INTDIV
                case 3: signal = Signals.SIGTRAP; code = 0x80; break;                              // int3: SI_KERNEL
                case 1: signal = Signals.SIGTRAP; code = 2; address = f->Rip; break;               // #DB: TRAP_TRACE
                case 6: signal = Signals.SIGILL; code = 2; address = f->Rip; break;                // #UD: ILL_ILLOPN
                case 13: signal = Signals.SIGSEGV; code = 0x80; break;                             // #GP: SI_KERNEL, no address
                case 14:                                                                          // #PF
                    signal = Signals.SIGSEGV;
                    address = ForeignCode.FaultAddress;
                    code = (f->ErrorCode & 1) != 0 ? 2 : 1;                                        // SEGV_ACCERR : SEGV_MAPERR
                    break;
                case 16: case 19: signal = Signals.SIGFPE; code = 0; address = f->Rip; break;      // x87 / SIMD floating point
                case 17: signal = Signals.SIGBUS; code = 1; address = f->Rip; break;               // #AC: BUS_ADRALN
                default: return false;
            }
            Signals.Action action = Signals.Get(signal);
            bool blocked = (self->SignalMask & Signals.Bit(signal)) != 0;
            if (action.Handler <= Signals.SigIgnore || blocked)
                Terminate(signal, f, address, blocked ? "blocked" : action.Handler == Signals.SigIgnore ? "ignored" : null);
            if (f->Rsp - RedZone < self->StackLow + HandlerStackMargin && f->Rsp > self->StackLow - 4096)
                Terminate(signal, f, address, "the thread's stack is exhausted (stack overflow)");
            Run(self, f, signal, code, address, 0, f->Vector == 14 ? address : 0);
            return true;
        }

        // An interrupt is about to return to the program's code: deliver what is pending.
        private static void OnInterruptReturn(TrapFrame* f)
        {
            PosixThread* self = ThreadControlBlock.CurrentThread;
            if (self == null || self->InSignalHandler != 0) return;
            while (true)
            {
                int signal = TakeDeliverable(self);
                if (signal == 0) return;
                Signals.Action action = Signals.Get(signal);
                if (action.Handler == Signals.SigIgnore || (action.Handler == Signals.SigDefault && Signals.DefaultIsIgnore(signal))) continue;
                if (action.Handler == Signals.SigDefault) Terminate(signal, f, 0, null);
                Run(self, f, signal, Signals.SI_TKILL, 0, Libc.ProcessStart.ProcessId, 0);
            }
        }

        // Takes the lowest pending, unblocked signal off the thread's pending set (0: none).
        private static int TakeDeliverable(PosixThread* self)
        {
            while (true)
            {
                ulong pending = Volatile.Read(ref self->PendingSignals);
                ulong deliverable = pending & ~self->SignalMask;
                if (deliverable == 0) return 0;
                int signal = System.Numerics.BitOperations.TrailingZeroCount(deliverable) + 1;
                if (Interlocked.CompareExchange(ref *(long*)&self->PendingSignals, (long)(pending & ~Signals.Bit(signal)), (long)pending) == (long)pending)
                    return signal;
            }
        }

        // Builds the handler's view of f, runs the handler, writes the context back into f.
        private static void Run(PosixThread* self, TrapFrame* f, int signal, int code, ulong address, int senderPid, ulong cr2)
        {
            byte* uc = stackalloc byte[SignalContext.Size];
            byte* info = stackalloc byte[SignalContext.SigInfoSize];
            byte* fpu = ForeignCode.SavedFpuState(f);
            SignalContext.FromTrapFrame(uc, f, fpu, self->SignalMask, cr2);
            SignalContext.FillInfo(info, signal, code, address, senderPid);
            Invoke(self, signal, info, uc, f->Rsp);
            SignalContext.ToTrapFrame(uc, f, fpu);
        }

        /// <summary>
        /// Calls signal's handler with (signal, info, uc) under the handler's mask, on the
        /// interrupted thread's stack below interruptedRsp's red zone when the caller is not
        /// already on that stack; then restores the mask the context holds.
        /// </summary>
        private static void Invoke(PosixThread* self, int signal, byte* info, byte* uc, ulong interruptedRsp)
        {
            Signals.Action action = Signals.Get(signal);
            if (action.Handler <= Signals.SigIgnore) return;
            if ((action.Flags & Signals.SA_RESETHAND) != 0) Signals.ResetToDefault(signal);
            ulong blocked = action.Mask | ((action.Flags & Signals.SA_NODEFER) == 0 ? Signals.Bit(signal) : 0);
            self->SignalMask |= blocked & ~(Signals.Bit(Signals.SIGKILL) | Signals.Bit(Signals.SIGSTOP));
            self->InSignalHandler++;

            byte here;
            ulong sp = (ulong)&here;
            bool onThreadStack = sp >= self->StackLow && sp < self->StackLow + self->StackSize;
            ulong stackTop = onThreadStack ? 0 : (interruptedRsp - RedZone) & ~15UL;
            bool siginfo = (action.Flags & Signals.SA_SIGINFO) != 0;
            if (stackTop == 0)
            {
                if (siginfo) ((delegate* unmanaged[Cdecl, SuppressGCTransition]<int, byte*, byte*, void>)action.Handler)(signal, info, uc);
                else ((delegate* unmanaged[Cdecl, SuppressGCTransition]<int, void>)action.Handler)(signal);
            }
            else CallOnStack(action.Handler, (ulong)signal, siginfo ? (ulong)info : 0, siginfo ? (ulong)uc : 0, stackTop);

            self->InSignalHandler--;
            self->SignalMask = *(ulong*)(uc + SignalContext.SigMask) & ~(Signals.Bit(Signals.SIGKILL) | Signals.Bit(Signals.SIGSTOP));
        }

        /// <summary>Delivers the caller's pending signals with the personality's own context (Signals.DeliverPending).</summary>
        public static void DeliverHere()
        {
            PosixThread* self = ThreadControlBlock.CurrentThread;
            if (self->InSignalHandler != 0) return;
            // FXSAVE needs its area 16-byte aligned: uc + FpregsMemory (424) is, when uc ≡ 8 (mod 16).
            byte* raw = stackalloc byte[SignalContext.Size + 16];
            byte* uc = (byte*)((((ulong)raw + 8 + 15) & ~15UL) - 8);
            byte* info = stackalloc byte[SignalContext.SigInfoSize];
            while (true)
            {
                int signal = TakeDeliverable(self);
                if (signal == 0) return;
                Signals.Action action = Signals.Get(signal);
                if (action.Handler == Signals.SigIgnore || (action.Handler == Signals.SigDefault && Signals.DefaultIsIgnore(signal))) continue;
                if (action.Handler == Signals.SigDefault) Terminate(signal, null, 0, null);
                SignalContext.Clear(uc, SignalContext.Size);
                CaptureContext(uc);
                ulong* g = SignalContext.Registers(uc);
                ulong rip = g[SignalContext.Rip], rsp = g[SignalContext.Rsp];
                *(ulong*)(uc + SignalContext.SigMask) = self->SignalMask;
                SignalContext.FillInfo(info, signal, Signals.SI_TKILL, 0, Libc.ProcessStart.ProcessId);
                Invoke(self, signal, info, uc, 0);
                // Redirected: resume where the handler said (this frame is abandoned, as with a longjmp).
                if (g[SignalContext.Rip] != rip || g[SignalContext.Rsp] != rsp) ResumeContext(uc);
            }
        }

        /// <summary>Ends the run because of signal (f: the faulting frame, or null), with a report.</summary>
        public static void Terminate(int signal, TrapFrame* f, ulong address, string why)
        {
            Libc.Stdio.FlushAll();
            KernelConsole.WriteAscii("nacre: the program was killed by ");
            KernelConsole.WriteAscii(Signals.Name(signal));
            if (why != null) { KernelConsole.WriteAscii(" ("); KernelConsole.WriteAscii(why); KernelConsole.WriteAscii(")"); }
            if (f != null)
            {
                KernelConsole.WriteAscii(" at rip 0x");
                KernelConsole.WriteHex(f->Rip);
                var o = Elf.Linker.ObjectAt(f->Rip);
                if (o != null) { KernelConsole.WriteAscii(" ("); KernelConsole.WriteAscii(o.Name); KernelConsole.WriteAscii("+0x"); KernelConsole.WriteAscii((f->Rip - o.Bias).ToString("x")); KernelConsole.WriteAscii(")"); }
                if (f->Vector == 14) { KernelConsole.WriteAscii(", address 0x"); KernelConsole.WriteHex(address); }
                KernelConsole.WriteAscii(", rsp 0x");
                KernelConsole.WriteHex(f->Rsp);
            }
            KernelConsole.WriteAscii("\n");
            Nacre.Boot.Kernel.Exit(KilledExitCode);
        }
    }
}
