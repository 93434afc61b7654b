using System.Collections.Generic;
using Nacre.Boot;
using Nacre.Devices;
using Nacre.Personality.Elf;
using Nacre.Personality.Libc;
using Nacre.Personality.Posix;

namespace Nacre.Personality
{
    /// <summary>
    /// Runs an unmodified NativeAOT program on the Aerokernel (docs/dotnet.md). The program and
    /// the shared libraries it may need (glibc's libm) arrive as boot modules — the first module
    /// is the program, the others are libraries known by their module name. It is mapped,
    /// linked against those libraries and the personality, and started on a .NET-world thread
    /// through its own entry point; its exit code ends the run. Anything that keeps it from
    /// starting is reported on the console and ends the run with LoadFailureExitCode.
    /// </summary>
    public static unsafe class DotNetWorld
    {
        /// <summary>Exit code when the program cannot be loaded (the same as a program that cannot be executed under a shell).</summary>
        public const int LoadFailureExitCode = 126;

        /// <summary>Libraries whose functions the personality itself provides: a program's DT_NEEDED of these needs no module.</summary>
        private static readonly string[] s_personalityLibraries =
            { "libc.so.6", "ld-linux-x86-64.so.2", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libgcc_s.so.1" };

        private static ElfObject s_program;

        /// <summary>The program's ELF object (the first in the global scope).</summary>
        public static ElfObject Program => s_program;

        /// <summary>Loads the program module and runs it with args (argv[1..]); never returns.</summary>
        public static int Run(string[] kernelArgs)
        {
            // env=NAME=value words set the environment (ProcessEnvironment) and are not arguments.
            var kept = new List<string>();
            foreach (string a in kernelArgs) if (!a.StartsWith("env=")) kept.Add(a);
            string[] args = kept.ToArray();
            if (BootInfo.ModuleCount == 0) return Fail("no program: boot the kernel with a NativeAOT executable as its first module (nacre run <program>)");
            Initialize();

            var modules = new Dictionary<string, int>();
            for (int i = 0; i < BootInfo.ModuleCount; i++) modules[ModuleName(i)] = i;
            string programName = ModuleName(0);
            s_program = MapModule(0, programName, out string error);
            if (s_program == null) return Fail(error);
            bool library = !s_program.IsExecutable;
            if (library && !(Nacre.Boot.Machine.IsHvm && Nacre.Boot.HvmBootInfo.Serve))
                return Fail($"{programName} is a shared library: it runs only when a Linux program boots it with Hrt.Boot and invokes its exports (docs/dotnet.md)");
            Linker.Add(s_program);

            // Breadth-first over DT_NEEDED, as a dynamic linker builds its global scope.
            for (int k = 0; k < Linker.Objects.Count; k++)
                foreach (string needed in Linker.Objects[k].Needed)
                {
                    if (IsPersonalityLibrary(needed) || Loaded(needed)) continue;
                    if (!modules.TryGetValue(needed, out int index))
                        return Fail($"{Linker.Objects[k].Name} needs {needed}, which was not given as a module (nacre run passes the host's copy of the libraries it knows: docs/dotnet.md)");
                    ElfObject dependency = MapModule(index, needed, out error);
                    if (dependency == null) return Fail(error);
                    Linker.Add(dependency);
                }

            // Libraries first: their IFUNC resolvers must be done before the program binds to them.
            for (int k = Linker.Objects.Count - 1; k >= 0; k--)
                if (!Linker.Relocate(Linker.Objects[k], out error)) return Fail(error);
            foreach (var o in Linker.Objects) Loader.Seal(o);

            if (library)
            {
                // Constructors run on a .NET-world thread; then every invoke server becomes one
                // and Main returns, so that the kernel serves the host's calls (Hvm.InvokeServer).
                ForeignExports.Publish(s_program);
                ProcessStart.InitializeLibraries(programName, args);
                Nacre.Hvm.InvokeServer.Configure(&Pthreads.AdoptCurrentThread, (nuint)Pthreads.DefaultStackSize);
                return 0;
            }
            ProcessStart.Start(s_program, programName, args);
            return 0;   // not reached: the program's exit ends the run
        }

        /// <summary>
        /// The .NET world's threads are time-sliced, as on Linux: a program may spin waiting for a
        /// thread on the same CPU. The kernel's timer runs only while threads compete for a CPU.
        /// </summary>
        public const ulong QuantumNs = 10_000_000;

        private static void Initialize()
        {
            for (int cpu = 0; cpu < Nacre.Cpus.Cpus.Count; cpu++) Nacre.Threads.ThreadScheduler.SetPreemption(cpu, QuantumNs);
            AddressSpace.Initialize();
            Clock.Initialize();
            PersonalitySymbols.Initialize();
            Stdio.Initialize();
            ProcessEnvironment.Initialize();
            CpuFeatures.Initialize();
            Signals.Initialize();
        }

        private static ElfObject MapModule(int index, string name, out string error)
        {
            BootInfo.Module(index, out ulong start, out ulong end);
            return Loader.Map((byte*)start, end - start, name, out error);
        }

        // A module's name is the last word of its loader command line (QEMU gives "path name").
        private static string ModuleName(int index)
        {
            byte* s = BootInfo.ModuleName(index);
            int n = (int)CString.Length(s), start = n;
            while (start > 0 && s[start - 1] != (byte)' ') start--;
            return CString.ToManaged(s + start);
        }

        private static bool IsPersonalityLibrary(string name)
        {
            foreach (string s in s_personalityLibraries) if (s == name) return true;
            return false;
        }

        private static bool Loaded(string name)
        {
            foreach (var o in Linker.Objects) if (o.Name == name) return true;
            return false;
        }

        private static int Fail(string message)
        {
            KernelConsole.WriteAscii("nacre: cannot run the program: ");
            KernelConsole.WriteAscii(message);
            KernelConsole.WriteAscii("\n");
            Kernel.Exit(LoadFailureExitCode);
            return LoadFailureExitCode;
        }
    }
}
