using Nacre.Sync;

namespace Nacre.Memory
{
    /// <summary>
    /// The magazines of one size class that no CPU holds: full ones (handed to a CPU that ran out
    /// of objects, so an object freed on one CPU is allocated on another without touching the
    /// slabs) and empty ones (handed to a CPU whose magazines are both full). At most MaxFull full
    /// magazines are kept; beyond that a full magazine's objects go back to the slabs, so the
    /// objects cached per class stay bounded. An interrupt-safe lock guards the lists; it is taken
    /// only when a CPU's two magazines are both empty (allocating) or both full (freeing).
    /// </summary>
    internal unsafe struct MagazineDepot
    {
        private const int MagazinesPerPage = (int)(Buddy.PageSize / 512);

        public SpinLock Lock;
        public Magazine* Full;
        public Magazine* Empty;
        public int FullCount;
        public int Capacity;        // rounds a magazine of this class holds
        public int MaxFull;

        public static ulong MagazinePages;      // pages carved into magazines so far (never freed)

        /// <summary>Rounds per magazine: about 16 KiB of objects, 8 to MaxRounds.</summary>
        public void Initialize(uint objectSize, int maxFull)
        {
            int rounds = (int)(16384 / objectSize);
            Capacity = rounds < 8 ? 8 : rounds > Magazine.MaxRounds ? Magazine.MaxRounds : rounds;
            MaxFull = maxFull;
        }

        /// <summary>A full magazine, or null when the depot has none.</summary>
        public Magazine* TakeFull()
        {
            ulong flags = Lock.AcquireIrqSave();
            Magazine* m = Full;
            if (m != null) { Full = m->Next; FullCount--; }
            Lock.ReleaseIrqRestore(flags);
            return m;
        }

        /// <summary>
        /// Keeps a full magazine, or returns it when the depot already holds MaxFull: the caller then
        /// empties it into the slabs and gives it back with PutEmpty.
        /// </summary>
        public bool TryPutFull(Magazine* m)
        {
            ulong flags = Lock.AcquireIrqSave();
            bool kept = FullCount < MaxFull;
            if (kept) { m->Next = Full; Full = m; FullCount++; }
            Lock.ReleaseIrqRestore(flags);
            return kept;
        }

        public void PutEmpty(Magazine* m)
        {
            ulong flags = Lock.AcquireIrqSave();
            m->Next = Empty;
            Empty = m;
            Lock.ReleaseIrqRestore(flags);
        }

        /// <summary>An empty magazine: a spare one, or one of a freshly carved page; null when out of memory.</summary>
        public Magazine* TakeEmpty()
        {
            ulong flags = Lock.AcquireIrqSave();
            Magazine* m = Empty;
            if (m == null)
            {
                ulong page = PageAllocator.Allocate(0);
                if (page != 0)
                {
                    MagazinePages++;
                    m = (Magazine*)page;
                    for (int i = 1; i < MagazinesPerPage; i++)
                    {
                        Magazine* spare = m + i;
                        spare->Rounds = 0;
                        spare->Next = Empty;
                        Empty = spare;
                    }
                    m->Next = Empty;    // below, m is unlinked again like any spare
                    Empty = m;
                }
            }
            if (m != null) { Empty = m->Next; m->Next = null; m->Rounds = 0; }
            Lock.ReleaseIrqRestore(flags);
            return m;
        }

        /// <summary>Objects in the full magazines (a statistic: exact only while no CPU is exchanging).</summary>
        public ulong CachedObjects => (ulong)FullCount * (ulong)Capacity;
    }
}
