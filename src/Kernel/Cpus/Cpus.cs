using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Arch.X64;
using Nacre.Memory;

namespace Nacre.Cpus
{
    /// <summary>The CPUs of the machine and the current one.</summary>
    public static unsafe partial class Cpus
    {
        public const int Max = 256;

        private const int ExceptionStackSize = 16 * 1024;

        private struct Table { public fixed ulong Entries[Max]; }
        private static Table s_table;
        private static int s_count;

        /// <summary>CPUs that are up and have per-CPU state.</summary>
        public static int Count => s_count;

        /// <summary>CPUs the machine describes (the MADT, or the HVM's boot info): what StartAll tries to start.</summary>
        public static int Described => Platform.IsHvm ? (int)Boot.HvmBootInfo.CpuCount : Acpi.Madt.CpuCount;

        /// <summary>The spin-wait hint (x86 pause), for code that spins on memory outside the kernel.</summary>
        public static void Pause() => Cpu.Pause();

        /// <summary>This CPU's state (one GS-relative load).</summary>
        public static PerCpu* Current => (PerCpu*)ReadGs0();

        public static PerCpu* Get(int index)
        {
            fixed (Table* t = &s_table) return (PerCpu*)t->Entries[index];
        }

        // Where GS points on a CPU that has not registered yet: all zero (Self too), so lookups that
        // tolerate a missing per-CPU structure — the heap's magazines, which Register's own
        // allocation goes through — find none instead of reading page 0.
        private static PerCpu s_unregistered;

        /// <summary>Points GS at the all-zero stand-in until Register (a starting CPU's GS base is 0).</summary>
        public static void EnterUnregistered()
        {
            fixed (PerCpu* p = &s_unregistered) Cpu.SetGsBase((ulong)p);
        }

        /// <summary>Creates the per-CPU state of the calling CPU as CPU number index and points GS at it.</summary>
        public static PerCpu* Register(int index, uint apicId, ulong stackTop)
        {
            PerCpu* cpu = (PerCpu*)BootHeap.Alloc((nuint)sizeof(PerCpu));
            cpu->Self = cpu;
            cpu->Index = index;
            cpu->ApicId = apicId;
            cpu->KernelStackTop = stackTop;
            // Deprivileged mode reflects CPU exceptions onto a stack of their own (deprivileged.S).
            if (Platform.Deprivileged) cpu->ExceptionStackTop = (ulong)BootHeap.Alloc(ExceptionStackSize) + ExceptionStackSize;
            fixed (Table* t = &s_table) t->Entries[index] = (ulong)cpu;
            Cpu.SetGsBase((ulong)cpu);
            Heap.AttachCpu(cpu);        // after SetGsBase: the magazines are found through GS
            if (index + 1 > s_count) s_count = index + 1;
            Tracing.Trace.OnCpuRegistered(cpu);
            return cpu;
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_read_gs0")]
        private static extern ulong ReadGs0();
    }
}
