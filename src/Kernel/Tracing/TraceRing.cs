using System.Runtime.InteropServices;

namespace Nacre.Tracing
{
    /// <summary>
    /// A flight recorder: a power-of-two array of events and the count ever written. It has one
    /// writer (a CPU's thread context, or that CPU's interrupt context, which never nests), so
    /// recording is a plain load and store of Head: no atomic, no lock. When full it overwrites
    /// the oldest events.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct TraceRing
    {
        public ulong Head;          // events written so far; the next goes to Events[Head & Mask]
        public ulong Mask;
        public TraceEvent* Events;
        public int Cpu;
        public int IsInterruptRing;

        /// <summary>Events still held (the newest min(Head, capacity)).</summary>
        public ulong Held => Head < Mask + 1 ? Head : Mask + 1;
    }
}
