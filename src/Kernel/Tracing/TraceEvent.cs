using System.Runtime.InteropServices;

namespace Nacre.Tracing
{
    /// <summary>
    /// One recorded event: 16 bytes. Stamp holds the kind in its top byte and the TSC in the
    /// other 56 bits (which wrap after about 270 days at 3 GHz).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TraceEvent
    {
        public ulong Stamp;
        public uint A;
        public uint B;

        public const int StampBits = 56;
        public const ulong TscMask = (1UL << StampBits) - 1;

        public TraceKind Kind => (TraceKind)(Stamp >> StampBits);
        public ulong Tsc => Stamp & TscMask;
    }
}
