using Nacre.Memory;

namespace Nacre.Bench
{
    /// <summary>Page (buddy) and heap allocation, each call timed on its own.</summary>
    public static unsafe class MemoryBenchmarks
    {
        private const int Batch = 64;

        /// <summary>
        /// buddy.alloc / buddy.free: batches of 64 PageAllocator.Allocate(order 0) then 64 Free, each
        /// call between two stamps (rdtsc's own cost, see the rdtsc benchmark, is included).
        /// </summary>
        public static Result[] Buddy(Config config) => Run(config, "buddy", heap: false);

        /// <summary>heap.alloc / heap.free: the same with Heap.Alloc(64) / Heap.Free (a slab size class).</summary>
        public static Result[] Heap(Config config) => Run(config, "heap", heap: true);

        private static Result[] Run(Config config, string prefix, bool heap)
        {
            var alloc = new Result(prefix + ".alloc", config);
            var free = new Result(prefix + ".free", config);
            ulong* blocks = stackalloc ulong[Batch];
            while (!alloc.Full || !free.Full)
            {
                for (int i = 0; i < Batch; i++)
                {
                    long t0 = Bench.Now;
                    ulong b = heap ? (ulong)Nacre.Memory.Heap.Alloc(64) : PageAllocator.Allocate(0);
                    long t1 = Bench.Now;
                    blocks[i] = b;
                    if (alloc.Add(t1 - t0)) alloc.Expect("allocation succeeded", b != 0);
                }
                for (int i = 0; i < Batch; i++)
                {
                    ulong b = blocks[i];
                    long t0 = Bench.Now;
                    if (heap) Nacre.Memory.Heap.Free((void*)b); else PageAllocator.Free(b, 0);
                    long t1 = Bench.Now;
                    if (free.Add(t1 - t0)) free.Expect("freed a block it allocated", b != 0);
                }
            }
            return new[] { alloc, free };
        }
    }
}
