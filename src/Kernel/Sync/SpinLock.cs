using System.Threading;
using Nacre.Arch.X64;

namespace Nacre.Sync
{
    /// <summary>
    /// A test-and-test-and-set spin lock: one word, no fairness. The waiter spins on a plain read
    /// (the line stays shared in its cache) and only tries the atomic exchange when the lock looks
    /// free, so contention does not bounce the line between CPUs on every iteration.
    /// Embed it in a struct or a static field; it must not be copied while in use.
    /// </summary>
    public struct SpinLock
    {
        private int _held;

        public bool IsHeld => Volatile.Read(ref _held) != 0;

        public void Acquire()
        {
            while (Interlocked.Exchange(ref _held, 1) != 0)
                while (Volatile.Read(ref _held) != 0) Cpu.Pause();
        }

        public bool TryAcquire() => Volatile.Read(ref _held) == 0 && Interlocked.Exchange(ref _held, 1) == 0;

        public void Release() => Volatile.Write(ref _held, 0);

        /// <summary>Interrupt-safe acquire: disables interrupts first; pass the result to ReleaseIrqRestore.</summary>
        public ulong AcquireIrqSave()
        {
            ulong flags = Cpu.SaveFlagsAndDisableInterrupts();
            Acquire();
            return flags;
        }

        public void ReleaseIrqRestore(ulong flags)
        {
            Release();
            Cpu.RestoreFlags(flags);
        }
    }
}
