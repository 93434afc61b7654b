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
        public PerCpu* Self;            // 0: what gs:0 reads
        public int Index;               // 8: 0 .. Cpus.Count-1; the boot CPU is 0
        public uint ApicId;             // 12
        public void* CurrentThread;     // 16: owned by the scheduler
        public void* Scheduler;         // 24: this CPU's run queue, owned by the scheduler
        public ulong KernelStackTop;    // 32: the stack this CPU booted on
    }
}
