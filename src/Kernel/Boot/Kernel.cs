using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Abi;
using Nacre.Arch.X64;
using Nacre.Devices;
using Nacre.Diagnostics;
using Nacre.Memory;

namespace Nacre.Boot
{
    /// <summary>
    /// The boot sequence after boot.S: console, traps, memory, module initialisation, then the
    /// HRT's Main, whose return value ends the run (after the shell, with the `shell` option).
    /// </summary>
    public static unsafe class Kernel
    {
        // The boot identity map covers 4 GiB; the heap stays inside it until paging is ours.
        private const ulong MappedLimit = 0x100000000UL;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_initialize_modules")]
        private static extern void InitializeModules(void** modules, int count);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_modules_start")]
        private static extern void** ModulesStart();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_modules_end")]
        private static extern void** ModulesEnd();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_boot_stack_bottom")]
        private static extern byte* BootStackBottom();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_boot_stack_top")]
        private static extern byte* BootStackTop();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_image_end")]
        private static extern byte* ImageEnd();

        // Exported by the HRT (generated from its Main, or the test registry in a test image).
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "nacre_app_main")]
        private static extern int AppMain(string[] args);

        [RuntimeExport("nacre_start")]
        public static void Start(uint magic, byte* info)
        {
            BootTimeline.Mark(BootStage.Entry);
            Serial.Initialize();
            bool multiboot = BootInfo.Parse(magic, info);
            Platform.Deprivileged = multiboot && BootInfo.HasWord("deprivileged");
            Idt.Initialize();
            if (!multiboot) Panic.Message("not started by a multiboot loader (bad magic)");
            Continue();
        }

        /// <summary>Entered from hvm.S on the first vCPU (at CPL 3 in deprivileged mode).</summary>
        [RuntimeExport("nacre_hvm_start")]
        public static void HvmStart(BootInfoHeader* info)
        {
            BootTimeline.Mark(BootStage.Entry);
            Platform.IsHvm = true;
            Hypercall.Initialize(GuestPhysical.HypercallAddress);   // until the boot info names it
            if (!HvmBootInfo.Parse(info)) Panic.Message("HVM boot info has a wrong magic or version");
            Hypercall.Initialize(HvmBootInfo.HypercallAddress);
            BootInfo.ParseHvm(info);
            BootTimeline.Publish((ulong*)HvmBootInfo.TimelineAddress);
            Platform.Deprivileged = HvmBootInfo.Deprivileged;
            Idt.Initialize();
            Continue();
        }

        private static void Continue()
        {
            InitializeHeap();
            MemorySystem.Initialize();          // zones, paging, kernel heap: `new` uses the heap from here
            BootTimeline.Mark(BootStage.Memory);
            Cpu.InitializeThreadPointer();      // wrfsbase where boot enabled it (threads' FS bases)
            Fpu.Initialize();                   // XSAVE in trap entry when AVX state is enabled
            Nacre.Cpus.Cpus.Register(0, Cpu.CurrentApicId, (ulong)BootStackTop());
            // Under QEMU, deprivileged mode begins here: the per-CPU area exists and nothing has
            // enabled interrupts yet. (The HVM entry dropped to CPL 3 before any C#.)
            // The legacy PIC goes first: at CPL 3 the real IF is always on, and the BIOS left the
            // PIT's IRQ 0 on vector 8, where it would pass for a double fault.
            if (Platform.Deprivileged && !Cpu.AtUserLevel)
            {
                Pic.Disable();
                Cpu.EnterDeprivileged();
            }
            void** modules = ModulesStart();
            InitializeModules(modules, (int)(ModulesEnd() - modules));
            Threads.ThreadScheduler.InitializeCpu((ulong)BootStackBottom(), (nuint)(BootStackTop() - BootStackBottom()), Threads.IdlePolicy.Poll);
            Threads.Thread.SetName(Threads.Thread.Current, "main");
            BootTimeline.Mark(BootStage.Runtime);
            if (BootInfo.HasWord(Tracing.Trace.Option)) Tracing.Trace.Start();   // the other CPUs get rings as they register
            Nacre.Irq.Interrupts.Initialize();  // PICs masked, local APIC, IOAPIC; interrupts on
            Nacre.Sync.Events.Initialize();     // the event IPI vector
            TlbShootdown.Initialize();          // the TLB shootdown IPI vector
            Nacre.Cpus.Cpus.InitializeSynchronize();   // the SynchronizeAll IPI vector
            Nacre.Timing.Time.Initialize();     // TSC frequency, APIC timer, this CPU's timer queue
            BootTimeline.Mark(BootStage.Devices);
            Nacre.Cpus.Cpus.StartAll();         // the other CPUs, parked in their idle loops
            BootTimeline.Mark(BootStage.CpusUp);

            string[] args = CommandLine.Arguments(BootInfo.CommandLine, BootInfo.CommandLineHasImagePath);
            BootTimeline.Mark(BootStage.Main);
            if (Platform.IsHvm) Hypercall.NotifyMainStarting();
            int code = AppMain(args);
            if (Platform.IsHvm && HvmBootInfo.Serve) Nacre.Hvm.InvokeServer.Serve(code);
            if (BootInfo.HasWord(CommandLine.ShellOption)) code = EnterShell(code);
            Exit(code);
        }

        private static int EnterShell(int code)
        {
            if (Platform.IsHvm)
            {
                System.Console.WriteLine("nacre: no shell under the HVM (its console has no input)");
                return code;
            }
            System.Console.WriteLine($"nacre: Main returned {code}; entering the shell (`exit` ends the run with that code)");
            return Shell.Shell.Run(code);
        }

        /// <summary>Ends the run with Main's exit code.</summary>
        public static void Exit(int code)
        {
            if (code < 0 || code >= Platform.PanicExitCode)
            {
                KernelConsole.WriteAscii("nacre: exit code ");
                KernelConsole.WriteDecimal(code);
                KernelConsole.WriteAscii(" is outside 0..126; reporting 126\n");
                code = 126;
            }
            Tracing.TraceDump.WriteIfTracing();
            Platform.Exit(code);
        }

        [RuntimeExport("nacre_exit")]
        private static void ExitExport(int code) => Exit(code);

        private static void InitializeHeap()
        {
            ulong imageEnd = (ulong)ImageEnd();
            ulong bestStart = 0, bestEnd = 0;
            for (int i = 0; i < BootInfo.RegionCount; i++)
            {
                MemoryRegion r = BootInfo.Region(i);
                if (r.Type != MemoryRegionType.Available) continue;
                ulong start = r.Base < imageEnd ? imageEnd : r.Base;
                ulong end = r.End > MappedLimit ? MappedLimit : r.End;
                if (end > start && end - start > bestEnd - bestStart) { bestStart = start; bestEnd = end; }
            }
            if (bestEnd == 0) Panic.Message("no usable memory above the kernel image");
            BootHeap.Initialize((byte*)bestStart, (byte*)bestEnd);
        }
    }
}
