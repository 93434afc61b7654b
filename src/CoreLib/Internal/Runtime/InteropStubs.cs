using System.Runtime;

namespace Internal.Runtime
{
    /// <summary>
    /// Transitions ilc wraps around calls through unmanaged function pointers and DllImports. The
    /// kernel has no GC to coordinate with, so entering and leaving native code costs nothing.
    /// </summary>
    internal static unsafe class InteropStubs
    {
        [RuntimeExport("RhpPInvoke")]
        public static void PInvoke(void* frame) { }

        [RuntimeExport("RhpPInvokeReturn")]
        public static void PInvokeReturn(void* frame) { }

        [RuntimeExport("RhpReversePInvoke")]
        public static void ReversePInvoke(void* frame) { }

        [RuntimeExport("RhpReversePInvokeReturn")]
        public static void ReversePInvokeReturn(void* frame) { }

        [RuntimeExport("RhpGcPoll")]
        public static void GcPoll() { }
    }
}
