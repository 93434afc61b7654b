using Nacre.Devices;
using Nacre.Sync;

namespace Nacre.Personality.Libc
{
    /// <summary>
    /// How a program ends: exit runs the atexit/__cxa_atexit handlers (last registered first),
    /// the loaded objects' destructors, flushes stdio and ends the run with the status; _exit
    /// skips all that; abort reports itself and ends the run as a program killed by SIGABRT.
    /// The run's exit code is the status when the machine can report it (0..126).
    /// </summary>
    public static unsafe class Exit
    {
        /// <summary>What an aborted program's run exits with (the machine reports at most 126).</summary>
        public const int AbortExitCode = 126;

        private const int MaxHandlers = 256;
        private struct Handler { public ulong Function, Argument, Dso; public int Kind; }
        private struct Handlers { public fixed byte Bytes[MaxHandlers * 32]; }
        private static Handlers s_handlers;
        private static int s_count;
        private static SpinLock s_lock;
        private static int s_exiting;

        [LibcExport("atexit")]
        public static int AtExit(delegate* unmanaged[Cdecl, SuppressGCTransition]<void> function) => Register((ulong)function, 0, 0, 0);

        [LibcExport("__cxa_atexit")]
        public static int CxaAtExit(delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void> function, void* argument, void* dso) => Register((ulong)function, (ulong)argument, (ulong)dso, 1);

        private static int Register(ulong function, ulong argument, ulong dso, int kind)
        {
            ulong flags = s_lock.AcquireIrqSave();
            if (s_count == MaxHandlers) { s_lock.ReleaseIrqRestore(flags); return -1; }
            fixed (Handlers* h = &s_handlers) ((Handler*)h)[s_count++] = new Handler { Function = function, Argument = argument, Dso = dso, Kind = kind };
            s_lock.ReleaseIrqRestore(flags);
            return 0;
        }

        /// <summary>Runs the handlers registered for dso (all when null), as a library unload would; each runs once.</summary>
        [LibcExport("__cxa_finalize")]
        public static void CxaFinalize(void* dso) => RunHandlers((ulong)dso, dso == null);

        private static void RunHandlers(ulong dso, bool all)
        {
            while (true)
            {
                Handler h = default;
                bool found = false;
                ulong flags = s_lock.AcquireIrqSave();
                fixed (Handlers* table = &s_handlers)
                    for (int i = s_count - 1; i >= 0; i--)
                    {
                        Handler* c = (Handler*)table + i;
                        if (c->Function == 0 || (!all && c->Dso != dso)) continue;
                        h = *c;
                        c->Function = 0;
                        found = true;
                        break;
                    }
                s_lock.ReleaseIrqRestore(flags);
                if (!found) return;
                if (h.Kind == 0) ((delegate* unmanaged[Cdecl, SuppressGCTransition]<void>)h.Function)();
                else ((delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void>)h.Function)((void*)h.Argument);
            }
        }

        [LibcExport("exit")]
        public static void ExitProgram(int status) => Terminate(status);

        /// <summary>exit(status). Only the first caller runs the handlers; later ones wait for the end.</summary>
        public static void Terminate(int status)
        {
            if (System.Threading.Interlocked.Exchange(ref s_exiting, 1) == 0)
            {
                RunHandlers(0, true);
                ProcessStart.RunFinalizers();
                Stdio.FlushAll();
                End(status & 0xFF);
            }
            while (true) Nacre.Threads.Thread.Sleep(1_000_000_000);
        }

        [LibcExport("_exit", "_Exit")]
        public static void ExitImmediately(int status) => End(status & 0xFF);

        [LibcExport("abort")]
        public static void Abort()
        {
            Stdio.FlushAll();
            KernelConsole.WriteAscii("nacre: the program aborted (SIGABRT)\n");
            Nacre.Boot.Kernel.Exit(AbortExitCode);
        }

        private static void End(int status)
        {
            if (status > 126)
            {
                KernelConsole.WriteAscii("nacre: the program exited with status ");
                KernelConsole.WriteDecimal(status);
                KernelConsole.WriteAscii(", which the machine cannot report; reporting 126\n");
                status = 126;
            }
            Nacre.Boot.Kernel.Exit(status);
        }
    }
}
