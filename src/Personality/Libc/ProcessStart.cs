using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Devices;
using Nacre.Personality.Elf;
using Nacre.Personality.Posix;

namespace Nacre.Personality.Libc
{
    /// <summary>
    /// Process start and end as glibc does them: the program's `_start` is entered on its main
    /// thread with the System V initial stack (argc, argv, envp, auxv), calls
    /// __libc_start_main, which runs the program's constructors and main, then exit — which runs
    /// the atexit handlers and destructors, flushes stdio and ends the run with the status.
    /// </summary>
    public static unsafe class ProcessStart
    {
        public const int ProcessId = 1;
        private const ulong MainStackSize = 8 * 1024 * 1024 - 4096;   // 8 MiB with its guard page: Linux's default RLIMIT_STACK

        private static ElfObject s_program;
        private static string s_name;
        private static string[] s_args;
        private static int s_argc;
        private static byte** s_argv;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "personality_enter_program")]
        private static extern void EnterProgram(ulong entry, ulong stack);

        /// <summary>Starts the program's main thread; returns, and the program's exit ends the run.</summary>
        public static void Start(ElfObject program, string name, string[] args)
        {
            s_program = program;
            s_name = name;
            s_args = args;
            PosixThread* main = Pthreads.CreateMain(&MainThread, MainStackSize);
            if (main == null) { KernelConsole.WriteAscii("nacre: out of memory for the program's main thread\n"); Nacre.Boot.Kernel.Exit(DotNetWorld.LoadFailureExitCode); }
            Nacre.Threads.Thread.Join(main->Kernel);  // the program ends the run; its main thread never returns
        }

        /// <summary>
        /// For a shared library booted to serve invokes: every loaded object's constructors
        /// (dependencies first), run on a .NET-world thread; returns when they are done.
        /// </summary>
        public static void InitializeLibraries(string name, string[] args)
        {
            s_name = name;
            s_args = args;
            PosixThread* t = Pthreads.CreateMain(&LibraryConstructors, MainStackSize);
            if (t == null) { KernelConsole.WriteAscii("nacre: out of memory for a thread\n"); Nacre.Boot.Kernel.Exit(DotNetWorld.LoadFailureExitCode); }
            Nacre.Threads.Thread.Join(t->Kernel);
        }

        private static long LibraryConstructors(void* unused)
        {
            SetArguments();
            for (int k = Linker.Objects.Count - 1; k >= 0; k--) RunInitializers(Linker.Objects[k], false);
            return 0;
        }

        private static void SetArguments()
        {
            s_argc = s_args.Length + 1;
            s_argv = (byte**)Nacre.Memory.Heap.Alloc((nuint)(8 * (s_argc + 1)));
            s_argv[0] = CString.FromManaged(s_name);
            for (int i = 0; i < s_args.Length; i++) s_argv[i + 1] = CString.FromManaged(s_args[i]);
        }

        // On the program's main thread, with its thread pointer set.
        private static long MainThread(void* unused)
        {
            SetArguments();

            // Libraries' constructors, dependencies first (the reverse of load order); the
            // program's own run in __libc_start_main, as with glibc 2.34+.
            for (int k = Linker.Objects.Count - 1; k >= 1; k--) RunInitializers(Linker.Objects[k], false);

            ulong sp = BuildInitialStack();
            EnterProgram(s_program.Entry, sp);
            return 0;
        }

        // The initial process stack, 64 KiB below this frame: argc, argv[], NULL, envp[], NULL,
        // auxv pairs, AT_NULL; 16 random bytes for AT_RANDOM above them.
        private static ulong BuildInitialStack()
        {
            byte* here = stackalloc byte[16];
            ulong top = ((ulong)here - 64 * 1024) & ~15UL;
            byte* random = (byte*)(top - 16);
            Random.Fill(random, 16);
            byte** envp = ProcessEnvironment.Block;
            int envc = 0;
            while (envp[envc] != null) envc++;
            int auxPairs = 12;
            int words = 1 + s_argc + 1 + envc + 1 + 2 * auxPairs;
            ulong* sp = (ulong*)(((ulong)random - (ulong)words * 8) & ~15UL);
            ulong* w = sp;
            *w++ = (ulong)s_argc;
            for (int i = 0; i < s_argc; i++) *w++ = (ulong)s_argv[i];
            *w++ = 0;
            for (int i = 0; i < envc; i++) *w++ = (ulong)envp[i];
            *w++ = 0;
            Aux(ref w, 3, (ulong)s_program.ProgramHeaders);     // AT_PHDR
            Aux(ref w, 4, (ulong)sizeof(ProgramHeader));        // AT_PHENT
            Aux(ref w, 5, (ulong)s_program.ProgramHeaderCount); // AT_PHNUM
            Aux(ref w, 6, AddressSpace.PageSize);               // AT_PAGESZ
            Aux(ref w, 7, 0);                                   // AT_BASE: no interpreter
            Aux(ref w, 9, s_program.Entry);                     // AT_ENTRY
            Aux(ref w, 11, 0); Aux(ref w, 12, 0); Aux(ref w, 13, 0); Aux(ref w, 14, 0); // uid, euid, gid, egid
            Aux(ref w, 17, 100);                                // AT_CLKTCK
            Aux(ref w, 25, (ulong)random);                      // AT_RANDOM
            *w++ = 0; *w++ = 0;                                 // AT_NULL
            return (ulong)sp;
        }

        private static void Aux(ref ulong* w, ulong type, ulong value) { *w++ = type; *w++ = value; }

        private static void RunInitializers(ElfObject o, bool program)
        {
            var envp = ProcessEnvironment.Block;
            if (program)
                for (int i = 0; i < o.PreinitArrayCount; i++) Call(o.PreinitArray[i], envp);
            if (o.Init != 0) ((delegate* unmanaged[Cdecl, SuppressGCTransition]<void>)o.Init)();
            for (int i = 0; i < o.InitArrayCount; i++) Call(o.InitArray[i], envp);
        }

        private static void Call(ulong function, byte** envp)
        {
            if (function == 0 || function == ulong.MaxValue) return;
            ((delegate* unmanaged[Cdecl, SuppressGCTransition]<int, byte**, byte**, void>)function)(s_argc, s_argv, envp);
        }

        /// <summary>glibc's entry from crt1.o's _start: constructors, main, exit.</summary>
        [LibcExport("__libc_start_main")]
        public static int LibcStartMain(delegate* unmanaged[Cdecl, SuppressGCTransition]<int, byte**, byte**, int> main, int argc, byte** argv,
                                        delegate* unmanaged[Cdecl, SuppressGCTransition]<int, byte**, byte**, void> init, void* fini, void* rtldFini, void* stackEnd)
        {
            if (init != null) init(argc, argv, ProcessEnvironment.Block);
            else RunInitializers(s_program, true);
            Exit.Terminate(main(argc, argv, ProcessEnvironment.Block));
            return 0;
        }

        /// <summary>Runs every loaded object's destructors, program first (the reverse of construction).</summary>
        internal static void RunFinalizers()
        {
            foreach (var o in Linker.Objects)
            {
                for (int i = o.FiniArrayCount - 1; i >= 0; i--)
                    if (o.FiniArray[i] != 0 && o.FiniArray[i] != ulong.MaxValue) ((delegate* unmanaged[Cdecl, SuppressGCTransition]<void>)o.FiniArray[i])();
                if (o.Fini != 0) ((delegate* unmanaged[Cdecl, SuppressGCTransition]<void>)o.Fini)();
            }
        }
    }
}
