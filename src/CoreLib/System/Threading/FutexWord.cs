using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Threading
{
    /// <summary>
    /// Waiting on an int field of a heap object through the kernel's futex. Objects never move
    /// (no compacting GC), so a field's address stays valid for the kernel's wait queue.
    /// </summary>
    internal static unsafe class FutexWord
    {
        public const int TimedOut = 2;

        /// <summary>Sleeps while word == expected; millisecondsTimeout -1 waits forever. False when it timed out.</summary>
        public static bool Wait(ref int word, int expected, int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1) ThrowHelpers.ThrowArgumentOutOfRangeException("millisecondsTimeout");
            ulong ns = millisecondsTimeout == -1 ? ulong.MaxValue : (ulong)millisecondsTimeout * 1_000_000;
            return KernelImports.FutexWait((int*)Unsafe.AsPointer(ref word), expected, ns) != TimedOut;
        }

        public static void Wake(ref int word, int count) => KernelImports.FutexWake((int*)Unsafe.AsPointer(ref word), count);
    }
}
