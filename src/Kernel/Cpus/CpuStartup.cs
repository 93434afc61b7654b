using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Nacre.Acpi;
using Nacre.Arch.X64;
using Nacre.Devices;
using Nacre.Irq;
using Nacre.Memory;
using Nacre.Timing;

namespace Nacre.Cpus
{
    /// <summary>
    /// Bringing up the application processors (APs): every enabled CPU of the MADT other than the
    /// boot CPU is started, one at a time, through ApStartup (INIT-SIPI-SIPI, trampoline at 0x8000)
    /// and arrives in ApMain, which gives it per-CPU state, its local APIC and timer queue, and
    /// parks it in the idle loop (CpuWork.cs). Indexes follow MADT order, the boot CPU being 0.
    /// </summary>
    public static unsafe partial class Cpus
    {
        /// <summary>AP boot stacks (each AP's idle thread runs on it), with an unmapped guard page below.</summary>
        public const int ApStackSize = 64 * 1024, DoubleFaultStackSize = 16 * 1024;

        // TCG with more vCPUs than host cores is slow, and on a busy host a vCPU thread can wait seconds
        // for a core; the wait ends as soon as the CPU is up, so a long limit costs nothing.
        private const ulong StartTimeoutNs = 10000000000;

        private static ulong s_upAtNs;

        /// <summary>When the last AP came up (ns since boot).</summary>
        public static ulong StartedAtNs => s_upAtNs;

        /// <summary>Starts every other CPU (boot CPU, after Interrupts and Time) and reports on the console.</summary>
        public static void StartAll()
        {
            Get(0)->ApicId = Lapic.Id; // the x2APIC id, which CPUID.1 truncates to 8 bits
            if (Platform.IsHvm) { StartHvmCpus(); return; }
            int wanted = Madt.CpuCount;
            if (wanted > 1)
            {
                // The kernel's page tables map the low MiB no-execute; the trampoline runs from there.
                Paging.Map(ApStartup.TrampolineAddress, ApStartup.TrampolineAddress, executable: true);
                ApStartup.Prepare();
            }
            int index = 1;
            for (int i = 0; i < wanted && index < Max; i++)
            {
                uint apicId = Madt.CpuApicId(i);
                if (apicId == Get(0)->ApicId) continue;
                ulong stackTop = Stacks.Allocate(ApStackSize);
                if (stackTop == 0) Diagnostics.Panic.Message("out of memory for the stacks of the other CPUs");
                ulong dfTop = (ulong)BootHeap.Alloc(DoubleFaultStackSize) + DoubleFaultStackSize;
                byte* gdtr = Gdt.CreateForCpu(dfTop);
                fixed (int* online = &s_starting) 
                {
                    Volatile.Write(ref *online, 0);
                    if (ApStartup.Start(apicId, index, stackTop, gdtr, online, StartTimeoutNs)) index++;
                    else
                    {
                        KernelConsole.WriteAscii("nacre: CPU with APIC id ");
                        KernelConsole.WriteDecimal(apicId);
                        KernelConsole.WriteAscii(" did not start\n");
                    }
                }
            }
            s_upAtNs = Time.NowNs;
            Report();
        }

        private static int s_starting; // set by the AP being started once it is parked

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_hvm_release_ap")]
        private static extern void ReleaseHvmCpu(ulong index, ulong stackTop);

        // Under the HVM every vCPU is already running (hvm.S), waiting for a stack: no INIT/SIPI,
        // no trampoline, and the VMM's GDT and per-vCPU TSS stay in use.
        private static void StartHvmCpus()
        {
            int wanted = (int)Boot.HvmBootInfo.CpuCount;
            for (int index = 1; index < wanted && index < Max; index++)
            {
                ulong stackTop = Stacks.Allocate(ApStackSize);
                if (stackTop == 0) Diagnostics.Panic.Message("out of memory for the stacks of the other CPUs");
                Volatile.Write(ref s_starting, 0);
                ReleaseHvmCpu((ulong)index, stackTop);
                ulong end = Time.NowNs + StartTimeoutNs;
                while (Volatile.Read(ref s_starting) == 0)
                {
                    if (Time.NowNs > end) Diagnostics.Panic.Message("an HVM vCPU did not start");
                    Cpu.Pause();
                }
            }
            s_upAtNs = Time.NowNs;
            Report();
        }

        [RuntimeExport("nacre_ap_start")]
        private static void ApMain(long index, ulong stackTop)
        {
            // The trampoline switched to the kernel's page tables; an HVM vCPU is still on the
            // VMM's (an identity map without the kernel's guard pages, NX or later mappings).
            if (Platform.IsHvm) Cpu.WriteCr3(Paging.KernelRoot);
            EnterUnregistered();                // the heap is usable before Register
            Idt.Load();
            Interrupts.InitializeThisCpu();
            PerCpu* self = Register((int)index, Lapic.Id, stackTop);
            TlbShootdown.JoinThisCpu();         // shootdowns count it from now on; forget what came before
            TimerQueue.InitializeThisCpu();
            var idle = Platform.IsHvm && !Boot.HvmBootInfo.HaltWhenIdle ? Threads.IdlePolicy.Poll : Threads.IdlePolicy.Halt;
            Threads.ThreadScheduler.InitializeCpuAsIdle(stackTop - ApStackSize, ApStackSize, idle);
            Volatile.Write(ref self->Online, 1);
            Volatile.Write(ref s_starting, 1);
            Threads.ThreadScheduler.RunIdle();
        }

        private static void Report()
        {
            KernelConsole.WriteAscii("nacre: ");
            KernelConsole.WriteDecimal(Count);
            KernelConsole.WriteAscii(Count == 1 ? " CPU up" : " CPUs up");
            KernelConsole.WriteAscii(" at ");
            KernelConsole.WriteDecimal((long)(s_upAtNs / 1000000));
            KernelConsole.WriteAscii(".");
            ulong micros = s_upAtNs / 1000 % 1000;
            if (micros < 100) KernelConsole.WriteAscii(micros < 10 ? "00" : "0");
            KernelConsole.WriteDecimal((long)micros);
            KernelConsole.WriteAscii(" ms since boot (");
            KernelConsole.WriteAscii(Lapic.X2Apic ? "x2APIC" : "xAPIC");
            KernelConsole.WriteAscii(Fpu.XsaveMask != 0 ? ", XSAVE 0x" : ", FXSAVE");
            if (Fpu.XsaveMask != 0) KernelConsole.WriteHex(Fpu.XsaveMask, 2);
            KernelConsole.WriteAscii(Cpu.ThreadPointerIsCheap ? ", wrfsbase" : ", FS MSR");
            KernelConsole.WriteAscii(", TSC ");
            KernelConsole.WriteDecimal((long)(Time.FrequencyHz / 1000000));
            KernelConsole.WriteAscii(" MHz from ");
            KernelConsole.WriteAscii(Time.FrequencySource);
            KernelConsole.WriteAscii(", APIC timer ");
            if (LapicTimer.TscDeadlineMode) KernelConsole.WriteAscii("TSC-deadline");
            else
            {
                KernelConsole.WriteAscii("one-shot ");
                KernelConsole.WriteDecimal((long)(LapicTimer.FrequencyHz / 1000000));
                KernelConsole.WriteAscii(" MHz");
            }
            KernelConsole.WriteAscii(")\n");
        }
    }
}
