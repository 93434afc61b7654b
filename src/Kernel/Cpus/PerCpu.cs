using System.Runtime.InteropServices;

namespace Nacre.Cpus
{
    /// <summary>
    /// State private to one CPU, reached through the GS base (gs:0 holds the struct's own address,
    /// so finding it is one load). Fields are added by the layers that own them; keep hot fields first.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct PerCpu
    {
        public const int HeapCacheOffset = 184;

        public PerCpu* Self;            // 0: what gs:0 reads
        public int Index;               // 8: 0 .. Cpus.Count-1; the boot CPU is 0
        public uint ApicId;             // 12
        public void* CurrentThread;     // 16: owned by the scheduler
        public void* Scheduler;         // 24: this CPU's run queue, owned by the scheduler
        public ulong KernelStackTop;    // 32: the stack this CPU booted on

        // Work posted by Cpus.RunOn/Start (CpuWork.cs); written by the poster, run by the idle loop.
        public int WorkState;           // 40: 0 free, 1 being posted, 2 posted
        public int Online;              // 44: 1 once the CPU runs its idle loop
        public ulong WorkFunction;      // 48: delegate*<void*, void>
        public void* WorkArgument;      // 56
        public long WorkPosted;         // 64: tickets handed out
        public long WorkCompleted;      // 72: tickets finished
        public int WorkPoster;          // 80: CPU to kick when the work is done
        public int Working;             // 84: 1 while the idle loop runs posted work
        public void* IdleJump;          // 88: JumpBuffer to abandon work (a test failing on this CPU)
        public ulong PendingEvents;     // 96: bit n = event n notified here and not yet run (Events.cs)

        // Deprivileged mode (arch/x64/virtualif.h names these offsets for the assembly).
        public ulong VirtualInterruptFlag;      // 104: 1 = interrupts enabled
        public fixed ulong PendingVectors[4];   // 112: bit v = vector v arrived while masked
        public ulong ExceptionStackTop;         // 144: CPU exceptions are reflected onto this stack

        public ulong ThreadPointer;             // 152: the FS base loaded on this CPU (ThreadScheduler)

        // Tracing (Tracing/Trace.cs): the ring events go to now, and the two it switches between.
        public void* TraceRing;                 // 160: TraceThreadRing, or TraceInterruptRing inside a handler
        public void* TraceThreadRing;           // 168
        public void* TraceInterruptRing;        // 176

        // The heap's magazines (Memory/CpuHeapCache.cs), claimed with Cpu.ClaimCpuLocal(HeapCacheOffset).
        public void* HeapCache;                 // 184

        // Idle (ThreadScheduler.RunIdle, IdleParking.cs).
        public int Halted;                      // 192: 1 while halted or parked in its idle loop: a wake-up must kick it
        public Nacre.Abi.ParkBlock Park;   // 200: paravirtual idle's block (deprivileged HVM)
    }
}
