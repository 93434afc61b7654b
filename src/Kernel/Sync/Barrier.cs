using System.Threading;
using Nacre.Arch.X64;

namespace Nacre.Sync
{
    /// <summary>
    /// A reusable barrier for a fixed number of threads: each Arrive blocks until all have
    /// arrived, then all proceed and the barrier is ready for the next round. Exactly one
    /// participant per round gets true (a "serial" thread, for per-round work).
    /// </summary>
    public unsafe struct Barrier
    {
        private int _parties;
        private int _remaining;
        private int _generation;
        private WaitQueue _waiters;

        public Barrier(int parties)
        {
            _parties = _remaining = parties;
            _generation = 0;
            _waiters = default;
        }

        public int Parties => _parties;

        public bool Arrive()
        {
            int generation = Volatile.Read(ref _generation);
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _remaining = _parties;
                Interlocked.Increment(ref _generation);   // releases the round (before waking: no lost wake-up)
                _waiters.WakeAll();
                return true;
            }
            fixed (Barrier* self = &this)
            {
                Round round = new Round { Barrier = self, Generation = generation };
                _waiters.WaitUntil(&Released, &round);
            }
            return false;
        }

        private struct Round { public Barrier* Barrier; public int Generation; }

        private static bool Released(void* r)
        {
            Round* round = (Round*)r;
            return Volatile.Read(ref round->Barrier->_generation) != round->Generation;
        }
    }

    /// <summary>
    /// A spinning barrier for CPUs (one participant per core, nothing else to run): lowest latency,
    /// no scheduler involvement. Sense-reversing, so it can be reused back to back.
    /// </summary>
    public struct CoreBarrier
    {
        private int _parties;
        private int _remaining;
        private int _sense;

        public CoreBarrier(int parties) { _parties = _remaining = parties; _sense = 0; }

        public bool Arrive()
        {
            int sense = Volatile.Read(ref _sense);
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _remaining = _parties;
                Volatile.Write(ref _sense, sense ^ 1);
                return true;
            }
            while (Volatile.Read(ref _sense) == sense) Cpu.Pause();
            return false;
        }
    }
}
