using System.Threading;
using Nacre.Arch.X64;

namespace Nacre.Sync
{
    /// <summary>
    /// A fair spin lock: CPUs are served in arrival order (take a ticket, wait for it to be called),
    /// so no CPU starves under contention, at the price of one shared counter pair.
    /// </summary>
    public struct TicketLock
    {
        private int _next;
        private int _serving;

        public void Acquire()
        {
            int ticket = Interlocked.ExchangeAdd(ref _next, 1);
            while (Volatile.Read(ref _serving) != ticket) Cpu.Pause();
        }

        public bool TryAcquire()
        {
            int serving = Volatile.Read(ref _serving);
            return Interlocked.CompareExchange(ref _next, serving + 1, serving) == serving;
        }

        public void Release() => Volatile.Write(ref _serving, _serving + 1);

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
