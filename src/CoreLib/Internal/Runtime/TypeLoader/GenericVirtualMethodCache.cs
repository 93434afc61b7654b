using System.Threading;

namespace Internal.Runtime.TypeLoader
{
    /// <summary>
    /// Resolved generic virtual method targets by (object's type, method handle). Lock-free so
    /// any CPU may read while another adds: entries are immutable once published, pushed onto a
    /// bucket's list with one compare-and-swap (which orders their fields before them), and
    /// never removed. Two CPUs missing at once both resolve and both push; the results are
    /// equivalent, and later lookups find whichever is first.
    /// </summary>
    internal static unsafe class GenericVirtualMethodCache
    {
        private const int BucketCount = 1024;

        private struct Entry
        {
            public MethodTable* Type;
            public nint Handle;
            public nint Target;
            public Entry* Next;
        }

        private static nint s_buckets;   // Entry*[BucketCount], made by the first Add

        private static int BucketOf(MethodTable* type, nint handle)
        {
            ulong h = ((ulong)type >> 3) * 0x9E3779B97F4A7C15UL ^ (ulong)handle >> 3;
            return (int)((h ^ h >> 29) & (BucketCount - 1));
        }

        public static bool TryGet(MethodTable* type, nint handle, out nint target)
        {
            var buckets = (Entry**)Volatile.Read(ref s_buckets);
            if (buckets != null)
            {
                for (var e = (Entry*)Volatile.Read(ref *(nint*)&buckets[BucketOf(type, handle)]); e != null; e = e->Next)
                    if (e->Type == type && e->Handle == handle) { target = e->Target; return true; }
            }
            target = 0;
            return false;
        }

        public static void Add(MethodTable* type, nint handle, nint target)
        {
            Entry** buckets = Buckets();
            var entry = (Entry*)KernelImports.Alloc((nuint)sizeof(Entry));
            entry->Type = type;
            entry->Handle = handle;
            entry->Target = target;
            ref nint head = ref *(nint*)&buckets[BucketOf(type, handle)];
            while (true)
            {
                nint first = Volatile.Read(ref head);
                entry->Next = (Entry*)first;
                if (Interlocked.CompareExchange(ref head, (nint)entry, first) == first) return;
            }
        }

        private static Entry** Buckets()
        {
            nint buckets = Volatile.Read(ref s_buckets);
            if (buckets != 0) return (Entry**)buckets;
            nint fresh = (nint)KernelImports.Alloc((nuint)(BucketCount * sizeof(nint)));
            nint won = Interlocked.CompareExchange(ref s_buckets, fresh, 0);
            return (Entry**)(won == 0 ? fresh : won);   // the loser's array is leaked: once, at most per CPU
        }
    }
}
