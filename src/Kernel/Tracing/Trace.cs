using System.Runtime.CompilerServices;
using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Memory;

namespace Nacre.Tracing
{
    /// <summary>
    /// The kernel's event tracer (docs/tracing.md). Each CPU records into two rings of its own:
    /// one for thread context and one for interrupt context, so that an interrupt arriving in the
    /// middle of a record cannot race it (interrupt handlers never nest). PerCpu.TraceRing points
    /// at the ring in use; an interrupt swaps it for the handler's duration. Off, a record site
    /// costs one load and a predictable branch on s_on; on, a record is a GS load, an rdtsc and
    /// four stores, with no lock, atomic or allocation.
    /// </summary>
    public static unsafe class Trace
    {
        /// <summary>The kernel command-line word that turns tracing on from boot.</summary>
        public const string Option = "trace";

        /// <summary>Events each CPU's thread-context ring holds (16 bytes each), and its interrupt ring.</summary>
        public const int ThreadRingEvents = 1 << 15, InterruptRingEvents = 1 << 13;

        // No initialisers: the class must have no static constructor, so that `On` is a plain load.
        private static bool s_on;
        private static ulong s_startTsc;

        /// <summary>IpiSend's target for a broadcast to every other CPU.</summary>
        public const uint AllOtherCpus = uint.MaxValue;

        /// <summary>True while events are being recorded.</summary>
        public static bool On
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => s_on;
        }

        /// <summary>The TSC when tracing was (last) turned on.</summary>
        public static ulong StartTsc => s_startTsc;

        /// <summary>Records one event on the calling CPU if tracing is on.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Record(TraceKind kind, uint a, uint b)
        {
            if (s_on) Write(kind, a, b);
        }

        /// <summary>An event of the caller's own (kind Mark), e.g. to bracket a phase of an application.</summary>
        public static void Mark(uint a, uint b = 0) => Record(TraceKind.Mark, a, b);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Write(TraceKind kind, uint a, uint b) => Write((TraceRing*)Cpus.Cpus.Current->TraceRing, kind, a, b);

        private static void Write(TraceRing* r, TraceKind kind, uint a, uint b)
        {
            if (r == null) return;      // a CPU that came up before tracing was turned on
            ulong h = r->Head;
            TraceEvent* e = r->Events + (h & r->Mask);
            e->Stamp = ((ulong)kind << TraceEvent.StampBits) | (Cpu.ReadTsc() & TraceEvent.TscMask);
            e->A = a;
            e->B = b;
            // A plain store: this ring's only writer is this CPU in this context (see the class comment).
            r->Head = h + 1;
        }

        /// <summary>
        /// Turns tracing on: every CPU that is up gets its rings (once; later CPUs get theirs as
        /// they register). Rings keep what they hold across Stop/Start.
        /// </summary>
        public static void Start()
        {
            int count = Cpus.Cpus.Count;
            for (int i = 0; i < count; i++)
            {
                PerCpu* cpu = Cpus.Cpus.Get(i);
                if (cpu != null) GiveRings(cpu);
            }
            s_startTsc = Cpu.ReadTsc();
            Volatile.Write(ref s_on, true);
        }

        /// <summary>Turns tracing off; events already recorded stay for the dump.</summary>
        public static void Stop() => Volatile.Write(ref s_on, false);

        /// <summary>Called by each CPU as it registers: its rings, if tracing is already on.</summary>
        internal static void OnCpuRegistered(PerCpu* cpu)
        {
            if (s_on) GiveRings(cpu);
        }

        private static void GiveRings(PerCpu* cpu)
        {
            if (cpu->TraceThreadRing != null) return;
            cpu->TraceInterruptRing = NewRing(cpu->Index, InterruptRingEvents, isInterrupt: true);
            TraceRing* thread = NewRing(cpu->Index, ThreadRingEvents, isInterrupt: false);
            cpu->TraceThreadRing = thread;
            // Published last: a CPU in an interrupt handler keeps writing its interrupt ring.
            if (cpu->TraceRing == null) Volatile.Write(ref *(nint*)&cpu->TraceRing, (nint)thread);
        }

        private static TraceRing* NewRing(int cpu, int events, bool isInterrupt)
        {
            var r = (TraceRing*)Heap.Alloc((nuint)sizeof(TraceRing));
            r->Events = (TraceEvent*)Heap.Alloc((nuint)(events * sizeof(TraceEvent)));
            if (r == null || r->Events == null) Diagnostics.Panic.Message("Trace: no memory for the trace rings");
            r->Mask = (ulong)events - 1;
            r->Cpu = cpu;
            r->IsInterruptRing = isInterrupt ? 1 : 0;
            return r;
        }

        /// <summary>Interrupts.Dispatch, before the handler: the handler's events go to the interrupt ring.</summary>
        internal static void InterruptEnter(int vector)
        {
            PerCpu* cpu = Cpus.Cpus.Current;
            if (cpu->TraceInterruptRing == null) return;
            cpu->TraceRing = cpu->TraceInterruptRing;
            Write((TraceRing*)cpu->TraceInterruptRing, TraceKind.IrqEnter, (uint)vector, 0);
        }

        /// <summary>After the handler, before a preemptive switch: back to the thread ring.</summary>
        internal static void InterruptExit(int vector)
        {
            PerCpu* cpu = Cpus.Cpus.Current;
            if (cpu->TraceInterruptRing == null) return;
            Write((TraceRing*)cpu->TraceInterruptRing, TraceKind.IrqExit, (uint)vector, 0);
            cpu->TraceRing = cpu->TraceThreadRing;
        }

        /// <summary>
        /// The idle loop after abandoning work (a failing test long-jumps out of a handler
        /// too): whatever was interrupted, this CPU is in thread context again.
        /// </summary>
        internal static void ResetContext(PerCpu* cpu)
        {
            if (cpu->TraceThreadRing != null) cpu->TraceRing = cpu->TraceThreadRing;
        }

        /// <summary>The ring of cpu (interrupt or thread), or null: for the dump and tests.</summary>
        public static TraceRing* RingOf(int cpu, bool interrupt)
        {
            PerCpu* c = Cpus.Cpus.Get(cpu);
            if (c == null) return null;
            return interrupt ? (TraceRing*)c->TraceInterruptRing : (TraceRing*)c->TraceThreadRing;
        }
    }
}
