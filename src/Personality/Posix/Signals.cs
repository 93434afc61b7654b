using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Nacre.Arch.X64;
using Nacre.Devices;
using Nacre.Sync;
using SpinLock = Nacre.Sync.SpinLock;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// POSIX signals, for real: one process-wide action table (sigaction), a mask and a pending
    /// set per thread. A signal sent to a thread (pthread_kill, raise, kill) becomes pending there
    /// and is delivered when that thread next runs the program's code: at once if it is the
    /// sender, else through an IPI to the CPU it runs on (the interrupt's return path delivers
    /// it, SignalDelivery), or when it comes back from a wait in the personality. CPU faults in
    /// the program's code are delivered synchronously as SIGSEGV, SIGFPE, SIGILL, SIGBUS or
    /// SIGTRAP with the faulting context. A handler gets a real siginfo_t and ucontext_t, and
    /// what it changes in the context is what resumes — the .NET runtime relies on both (GC
    /// suspension hijacks threads from its activation handler; null references and divisions by
    /// zero become exceptions by redirecting the faulting context).
    /// </summary>
    public static unsafe class Signals
    {
        public const int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8,
            SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17,
            SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGWINCH = 28;
        public const int RealtimeMin = 34, RealtimeMax = 64, Count = 64;   // glibc keeps 32 and 33 for itself
        public const ulong SigDefault = 0, SigIgnore = 1;
        public const int SA_SIGINFO = 4, SA_ONSTACK = 0x08000000, SA_RESTART = 0x10000000, SA_NODEFER = 0x40000000, SA_RESETHAND = unchecked((int)0x80000000);
        public const int SI_USER = 0, SI_TKILL = -6;

        // glibc's struct sigaction: handler @0, sa_mask (128 bytes) @8, sa_flags @136, sa_restorer @144.
        public struct Action { public ulong Handler; public ulong Mask; public int Flags; }

        private struct ActionTable { public fixed byte Bytes[(Count + 1) * 24]; }
        private static ActionTable s_actions;
        private static SpinLock s_lock;

        public static ulong Bit(int signal) => 1UL << (signal - 1);

        private static Action* ActionOf(int signal)
        {
            fixed (ActionTable* t = &s_actions) return (Action*)t + signal;
        }

        /// <summary>A copy of signal's current action.</summary>
        public static Action Get(int signal)
        {
            ulong flags = s_lock.AcquireIrqSave();
            Action a = *ActionOf(signal);
            s_lock.ReleaseIrqRestore(flags);
            return a;
        }

        /// <summary>SA_RESETHAND: back to the default action once delivered.</summary>
        internal static void ResetToDefault(int signal)
        {
            ulong flags = s_lock.AcquireIrqSave();
            *ActionOf(signal) = default;
            s_lock.ReleaseIrqRestore(flags);
        }

        public static void Initialize()
        {
            SignalDelivery.Initialize();
        }

        [LibcExport("sigaction")]
        public static int SigAction(int signal, byte* action, byte* old)
        {
            if (signal < 1 || signal > Count || ((signal == SIGKILL || signal == SIGSTOP) && action != null)) return Errno.Fail(Errno.EINVAL);
            ulong flags = s_lock.AcquireIrqSave();
            Action* a = ActionOf(signal);
            if (old != null)
            {
                SignalContext.Clear(old, 152);
                *(ulong*)old = a->Handler;
                *(ulong*)(old + 8) = a->Mask;
                *(int*)(old + 136) = a->Flags;
            }
            if (action != null)
            {
                a->Handler = *(ulong*)action;
                a->Mask = *(ulong*)(action + 8);
                a->Flags = *(int*)(action + 136);
            }
            s_lock.ReleaseIrqRestore(flags);
            return 0;
        }

        /// <summary>signal(): sigaction with SA_RESTART, returns the previous handler (SIG_ERR = -1 on error).</summary>
        [LibcExport("signal", "bsd_signal")]
        public static ulong SetHandler(int signal, ulong handler)
        {
            byte* action = stackalloc byte[152];
            byte* old = stackalloc byte[152];
            SignalContext.Clear(action, 152);
            *(ulong*)action = handler;
            *(int*)(action + 136) = SA_RESTART;
            return SigAction(signal, action, old) == 0 ? *(ulong*)old : ulong.MaxValue;
        }

        [LibcExport("sigemptyset")]
        public static int EmptySet(ulong* set) { for (int i = 0; i < 16; i++) set[i] = 0; return 0; }

        [LibcExport("sigfillset")]
        public static int FillSet(ulong* set) { for (int i = 0; i < 16; i++) set[i] = 0; set[0] = ~(Bit(32) | Bit(33)); return 0; }

        [LibcExport("sigaddset")]
        public static int AddSet(ulong* set, int signal)
        {
            if (signal < 1 || signal > Count) return Errno.Fail(Errno.EINVAL);
            set[0] |= Bit(signal);
            return 0;
        }

        [LibcExport("sigdelset")]
        public static int DeleteSet(ulong* set, int signal)
        {
            if (signal < 1 || signal > Count) return Errno.Fail(Errno.EINVAL);
            set[0] &= ~Bit(signal);
            return 0;
        }

        [LibcExport("sigismember")]
        public static int IsMember(ulong* set, int signal) =>
            signal < 1 || signal > Count ? Errno.Fail(Errno.EINVAL) : (set[0] & Bit(signal)) != 0 ? 1 : 0;

        [LibcExport("__libc_current_sigrtmin")]
        public static int RealtimeMinimum() => RealtimeMin;

        [LibcExport("__libc_current_sigrtmax")]
        public static int RealtimeMaximum() => RealtimeMax;

        /// <summary>pthread_sigmask: 0 or an error number. SIGKILL and SIGSTOP cannot be blocked.</summary>
        [LibcExport("pthread_sigmask")]
        public static int ThreadMask(int how, ulong* set, ulong* old)
        {
            PosixThread* self = ThreadControlBlock.CurrentThread;
            if (self == null) return Errno.EINVAL;
            if (old != null) { EmptySet(old); old[0] = self->SignalMask; }
            if (set == null) return 0;
            ulong value = set[0] & ~(Bit(SIGKILL) | Bit(SIGSTOP));
            switch (how)
            {
                case 0: self->SignalMask |= value; break;           // SIG_BLOCK
                case 1: self->SignalMask &= ~value; break;          // SIG_UNBLOCK
                case 2: self->SignalMask = value; break;            // SIG_SETMASK
                default: return Errno.EINVAL;
            }
            DeliverPending();
            return 0;
        }

        [LibcExport("sigprocmask")]
        public static int ProcessMask(int how, ulong* set, ulong* old)
        {
            int r = ThreadMask(how, set, old);
            return r == 0 ? 0 : Errno.Fail(r);
        }

        [LibcExport("sigpending")]
        public static int Pending(ulong* set)
        {
            EmptySet(set);
            PosixThread* self = ThreadControlBlock.CurrentThread;
            if (self != null) set[0] = Volatile.Read(ref self->PendingSignals) & self->SignalMask;
            return 0;
        }

        /// <summary>pthread_kill: makes signal pending on thread and gets it delivered. 0 or an error number.</summary>
        [LibcExport("pthread_kill")]
        public static int Kill(PosixThread* thread, int signal)
        {
            if (signal < 0 || signal > Count) return Errno.EINVAL;
            if (thread == null || !LiveThreads.Contains(thread) || Volatile.Read(ref thread->Exited) != 0) return Errno.ESRCH;
            if (signal == 0) return 0;
            Send(thread, signal);
            return 0;
        }

        /// <summary>Marks signal pending on thread; delivers it now if thread is the caller, else kicks its CPU.</summary>
        public static void Send(PosixThread* thread, int signal)
        {
            Interlocked.Or(ref thread->PendingSignals, Bit(signal));
            if (thread == ThreadControlBlock.CurrentThread) { DeliverPending(); return; }
            Nacre.Threads.Thread* t = thread->Kernel;
            if (t->State == Nacre.Threads.ThreadState.Running && t->Cpu != Nacre.Cpus.Cpus.Current->Index)
                Nacre.Irq.Ipi.Kick(t->Cpu);
        }

        [LibcExport("raise")]
        public static int Raise(int signal)
        {
            PosixThread* self = ThreadControlBlock.CurrentThread;
            if (signal < 1 || signal > Count || self == null) return Errno.Fail(Errno.EINVAL);
            Send(self, signal);
            return 0;
        }

        /// <summary>kill: only this process exists (pid = getpid(), 0 or -1); a thread that does not block the signal gets it.</summary>
        [LibcExport("kill")]
        public static int KillProcess(int pid, int signal)
        {
            if (pid != Libc.ProcessStart.ProcessId && pid != 0 && pid != -1) return Errno.Fail(Errno.ESRCH);
            if (signal < 0 || signal > Count) return Errno.Fail(Errno.EINVAL);
            if (signal == 0) return 0;
            PosixThread* self = ThreadControlBlock.CurrentThread;
            if (self != null && (self->SignalMask & Bit(signal)) == 0) { Send(self, signal); return 0; }
            var pick = new Pick { Signal = signal };
            LiveThreads.ForEach(&PickUnblocked, &pick);
            PosixThread* target = pick.Chosen != null ? pick.Chosen : self;
            if (target != null) Send(target, signal);
            return 0;
        }

        private struct Pick { public PosixThread* Chosen; public int Signal; }

        private static void PickUnblocked(PosixThread* t, void* state)
        {
            var pick = (Pick*)state;
            if (pick->Chosen == null && t->Exited == 0 && (t->SignalMask & Bit(pick->Signal)) == 0) pick->Chosen = t;
        }

        [LibcExport("sigaltstack")]
        public static int AltStack(byte* stack, byte* old)
        {
            if (old != null) { SignalContext.Clear(old, 24); *(int*)(old + 8) = 2; }   // SS_DISABLE: handlers run on the thread's stack
            return 0;
        }

        /// <summary>Delivers the calling thread's deliverable pending signals now, from personality code (not a trap).</summary>
        public static void DeliverPending()
        {
            PosixThread* self = ThreadControlBlock.CurrentThread;
            if (self == null || (Volatile.Read(ref self->PendingSignals) & ~self->SignalMask) == 0) return;
            SignalDelivery.DeliverHere();
        }

        /// <summary>What an unhandled signal does by default: ignore (SIGCHLD …) or end the program.</summary>
        public static bool DefaultIsIgnore(int signal) =>
            signal == SIGCHLD || signal == SIGURG || signal == SIGWINCH || signal == SIGCONT || signal == SIGTSTP || signal == SIGTTIN || signal == SIGTTOU;

        public static string Name(int signal)
        {
            switch (signal)
            {
                case SIGHUP: return "SIGHUP"; case SIGINT: return "SIGINT"; case SIGQUIT: return "SIGQUIT"; case SIGILL: return "SIGILL";
                case SIGTRAP: return "SIGTRAP"; case SIGABRT: return "SIGABRT"; case SIGBUS: return "SIGBUS"; case SIGFPE: return "SIGFPE";
                case SIGKILL: return "SIGKILL"; case SIGUSR1: return "SIGUSR1"; case SIGSEGV: return "SIGSEGV"; case SIGUSR2: return "SIGUSR2";
                case SIGPIPE: return "SIGPIPE"; case SIGALRM: return "SIGALRM"; case SIGTERM: return "SIGTERM";
            }
            return signal >= RealtimeMin ? "SIGRTMIN+" + (signal - RealtimeMin).ToString() : "signal " + signal.ToString();
        }
    }
}
