using Nacre.Diagnostics;

namespace Nacre.Memory
{
    /// <summary>
    /// A binary buddy allocator over one span of physical memory, in blocks of 2^order pages
    /// (order 0 = 4 KiB .. MaxOrder = 2^18 pages = 1 GiB). Not thread-safe by itself: a Zone
    /// wraps it with a lock.
    ///
    /// Blocks are numbered from an origin aligned to the largest block, so a block of order k is
    /// aligned to 4 KiB × 2^k in physical memory (a 2 MiB block can become a 2 MiB page). Each free
    /// block sits on its order's doubly-linked list, whose links live in the free block itself
    /// (memory is identity-mapped), and has its bit set in that order's bitmap: bit (k, i) means
    /// "block i of order k is free, whole, on list k". Alloc and free are O(MaxOrder): find a
    /// non-empty list and split down; on free, merge with the buddy while it is free.
    /// Everything starts allocated; the owner frees the usable ranges in (AddFree), so holes
    /// (reserved memory, other nodes' memory) are simply never free.
    /// </summary>
    public unsafe struct Buddy
    {
        public const int MaxOrder = 18;
        public const int Orders = MaxOrder + 1;
        public const ulong PageSize = 4096;
        public const int PageShift = 12;
        private const ulong MaxBlockBytes = PageSize << MaxOrder;

        private struct FreeBlock
        {
            public FreeBlock* Next;
            public FreeBlock* Prev;
        }

        private ulong _origin;          // aligned to MaxBlockBytes
        private ulong _pages;           // span from the origin, in pages
        private ulong* _bitmap;
        private ulong _freePages;
        private ulong _managedPages;    // pages ever added with AddFree
        private fixed ulong _bitOffset[Orders];
        private fixed ulong _heads[Orders];
        private fixed ulong _counts[Orders];

        /// <summary>Bytes of bitmap a buddy over [start, end) needs (ulong-aligned).</summary>
        public static ulong MetadataBytes(ulong start, ulong end)
        {
            ulong pages = (end - (start & ~(MaxBlockBytes - 1)) + PageSize - 1) >> PageShift;
            ulong words = 0;
            for (int k = 0; k < Orders; k++) words += ((pages >> k) + 63) / 64;
            return words * 8;
        }

        /// <summary>Sets up an empty allocator (nothing free) for [start, end) with its bitmap at metadata.</summary>
        public void Initialize(ulong start, ulong end, void* metadata)
        {
            _origin = start & ~(MaxBlockBytes - 1);
            _pages = (end - _origin + PageSize - 1) >> PageShift;
            _bitmap = (ulong*)metadata;
            _freePages = _managedPages = 0;
            ulong words = 0;
            for (int k = 0; k < Orders; k++)
            {
                _bitOffset[k] = words * 64;
                words += ((_pages >> k) + 63) / 64;
                _heads[k] = 0;
                _counts[k] = 0;
            }
            for (ulong w = 0; w < words; w++) _bitmap[w] = 0;
        }

        public ulong Origin => _origin;
        public ulong SpanEnd => _origin + (_pages << PageShift);
        public ulong FreePages => _freePages;
        public ulong ManagedPages => _managedPages;
        public ulong FreeBlocks(int order) => _counts[order];

        public bool Contains(ulong address) => address >= _origin && address - _origin < (_pages << PageShift);

        /// <summary>Frees the whole pages of [start, end) into the allocator for the first time.</summary>
        public void AddFree(ulong start, ulong end)
        {
            start = (start + PageSize - 1) & ~(PageSize - 1);
            end &= ~(PageSize - 1);
            if (start < _origin) start = _origin;
            if (end > SpanEnd) end = SpanEnd;
            while (start < end)
            {
                // The largest block aligned at start that fits; Free merges it with free neighbours.
                int order = MaxOrder;
                while (order > 0 && (((start - _origin) & ((PageSize << order) - 1)) != 0 || start + (PageSize << order) > end)) order--;
                _managedPages += 1UL << order;
                _freePages += 1UL << order;
                Insert(start, order);
                start += PageSize << order;
            }
        }

        /// <summary>A block of 2^order pages (not zeroed), or 0 when no block that large is free.</summary>
        public ulong Allocate(int order)
        {
            if ((uint)order > MaxOrder) return 0;
            int k = order;
            while (k <= MaxOrder && _heads[k] == 0) k++;
            if (k > MaxOrder) return 0;
            ulong block = _heads[k];
            Unlink(block, k);
            while (k > order)
            {
                k--;
                Link(block + (PageSize << k), k);   // the upper half stays free one order down
            }
            _freePages -= 1UL << order;
            return block;
        }

        /// <summary>
        /// Returns a block from Allocate(order). Panics on a block that is misaligned, outside this
        /// allocator, or already free (a double free, or a free with a smaller order than allocated).
        /// </summary>
        public void Free(ulong address, int order)
        {
            if ((uint)order > MaxOrder || (address & ((PageSize << order) - 1)) != 0
                || !Contains(address) || address + (PageSize << order) > SpanEnd)
                Panic.Message("buddy: free of a block that is misaligned or not in this zone");
            ulong page = (address - _origin) >> PageShift;
            for (int k = order; k <= MaxOrder; k++)
                if ((page >> k) < (_pages >> k) && TestBit(k, page >> k))
                    Panic.Message("buddy: double free (the block, or one containing it, is already free)");
            _freePages += 1UL << order;
            Insert(address, order);
        }

        /// <summary>Puts a block on the free lists, merging it with its buddy as long as that is free.</summary>
        private void Insert(ulong address, int order)
        {
            ulong page = (address - _origin) >> PageShift;
            while (order < MaxOrder)
            {
                ulong buddy = page ^ (1UL << order);
                if ((buddy >> order) >= (_pages >> order) || !TestBit(order, buddy >> order)) break;
                Unlink(_origin + (buddy << PageShift), order);
                page &= ~(1UL << order);
                order++;
            }
            Link(_origin + (page << PageShift), order);
        }

        private void Link(ulong address, int order)
        {
            FreeBlock* b = (FreeBlock*)address;
            FreeBlock* head = (FreeBlock*)_heads[order];
            b->Prev = null;
            b->Next = head;
            if (head != null) head->Prev = b;
            _heads[order] = address;
            _counts[order]++;
            SetBit(order, ((address - _origin) >> PageShift) >> order, true);
        }

        private void Unlink(ulong address, int order)
        {
            FreeBlock* b = (FreeBlock*)address;
            if (b->Prev != null) b->Prev->Next = b->Next;
            else _heads[order] = (ulong)b->Next;
            if (b->Next != null) b->Next->Prev = b->Prev;
            _counts[order]--;
            SetBit(order, ((address - _origin) >> PageShift) >> order, false);
        }

        private bool TestBit(int order, ulong index)
        {
            ulong bit = _bitOffset[order] + index;
            return (_bitmap[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
        }

        private void SetBit(int order, ulong index, bool value)
        {
            ulong bit = _bitOffset[order] + index;
            if (value) _bitmap[bit >> 6] |= 1UL << (int)(bit & 63);
            else _bitmap[bit >> 6] &= ~(1UL << (int)(bit & 63));
        }
    }
}
