using Nacre.Memory;
using Nacre.Sync;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// The .NET world's virtual memory, with the semantics of Linux's anonymous private mappings,
    /// over the kernel's page allocator and page tables. Everything lives in [Base, Limit), far
    /// from the kernel's identity map and from the HVM arena (which sits at a Linux process's
    /// addresses). A range is either reserved (PROT_NONE: no pages, any access faults) or
    /// committed: then every page is present, backed by its own zeroed physical page, with the
    /// range's access. Committing is eager — the pages are allocated and mapped when mmap or
    /// mprotect asks — so a program's first touch costs no page fault (a trip through ring 0 in
    /// deprivileged mode). The GC's reserve-then-commit pattern (mmap PROT_NONE, mprotect RW,
    /// mmap MAP_FIXED PROT_NONE to decommit) maps straight onto this.
    /// </summary>
    public static unsafe class AddressSpace
    {
        public const ulong Base = 0x0000_1000_0000_0000UL;
        public const ulong Limit = 0x0000_2000_0000_0000UL;
        public const ulong PageSize = 4096;

        public const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, ProtExec = 4;

        private struct Region { public ulong Start, End; public int Prot; }

        private static Region* s_regions;
        private static int s_count, s_capacity;
        private static Mutex s_lock;
        private static ulong s_committedBytes, s_reservedBytes;

        /// <summary>Bytes backed by physical pages now (for sysinfo and tests).</summary>
        public static ulong CommittedBytes => s_committedBytes;

        /// <summary>Bytes of address space in use, committed or not.</summary>
        public static ulong ReservedBytes => s_reservedBytes;

        /// <summary>
        /// Maps len bytes (rounded up to pages) with prot: anywhere free when address is 0 (or the
        /// hint is taken), at exactly address when fixedAddress (replacing what was there).
        /// Returns the address, or 0 with errno set (ENOMEM, EINVAL).
        /// </summary>
        public static ulong Map(ulong address, ulong length, int prot, bool fixedAddress, out int errno)
        {
            errno = 0;
            if (length == 0 || (address & (PageSize - 1)) != 0 && fixedAddress) { errno = Errno.EINVAL; return 0; }
            ulong bytes = (length + PageSize - 1) & ~(PageSize - 1);
            if (bytes < length) { errno = Errno.ENOMEM; return 0; }
            s_lock.Acquire();
            ulong start;
            if (fixedAddress)
            {
                if (address < Base || address > Limit - bytes) { s_lock.Release(); errno = Errno.ENOMEM; return 0; }
                start = address;
                RemoveLocked(start, start + bytes);
            }
            else
            {
                start = FindFreeLocked(bytes, address & ~(PageSize - 1));
                if (start == 0) { s_lock.Release(); errno = Errno.ENOMEM; return 0; }
            }
            if (!InsertLocked(start, start + bytes, prot) || (prot != ProtNone && !CommitLocked(start, start + bytes, prot)))
            {
                RemoveLocked(start, start + bytes);
                s_lock.Release();
                errno = Errno.ENOMEM;
                return 0;
            }
            s_reservedBytes += bytes;
            s_lock.Release();
            return start;
        }

        /// <summary>munmap: [address, address + length) becomes free address space. 0, or an errno.</summary>
        public static int Unmap(ulong address, ulong length)
        {
            if ((address & (PageSize - 1)) != 0 || length == 0) return Errno.EINVAL;
            ulong end = address + ((length + PageSize - 1) & ~(PageSize - 1));
            if (address < Base || end > Limit || end < address) return Errno.EINVAL;
            s_lock.Acquire();
            RemoveLocked(address, end);
            s_lock.Release();
            return 0;
        }

        /// <summary>mprotect: every page of the range must be mapped (else ENOMEM). 0, or an errno.</summary>
        public static int Protect(ulong address, ulong length, int prot)
        {
            if ((address & (PageSize - 1)) != 0) return Errno.EINVAL;
            ulong end = address + ((length + PageSize - 1) & ~(PageSize - 1));
            if (end < address) return Errno.ENOMEM;
            if (end == address) return 0;
            s_lock.Acquire();
            if (!CoveredLocked(address, end)) { s_lock.Release(); return Errno.ENOMEM; }
            SplitLocked(address);
            SplitLocked(end);
            bool flush = false, ok = true;
            for (int i = IndexOfLocked(address); i < s_count && s_regions[i].Start < end; i++)
            {
                Region* r = s_regions + i;
                if (r->Prot == prot) continue;
                if (r->Prot == ProtNone) ok &= CommitLocked(r->Start, r->End, prot);
                else if (prot == ProtNone) { DecommitLocked(r->Start, r->End); flush = true; }
                else
                {
                    for (ulong a = r->Start; a < r->End; a += PageSize)
                        Paging.ProtectPage(a, (prot & ProtWrite) != 0, (prot & ProtExec) != 0);
                    flush = true;
                }
                if (!ok) break;
                r->Prot = prot;
            }
            MergeLocked();
            if (flush) FlushAndFreeLocked();
            s_lock.Release();
            return ok ? 0 : Errno.ENOMEM;
        }

        /// <summary>
        /// madvise(MADV_DONTNEED) on private anonymous memory: the committed pages of the range
        /// read as zero afterwards. 0, or ENOMEM when part of it is not mapped.
        /// </summary>
        public static int Discard(ulong address, ulong length)
        {
            if ((address & (PageSize - 1)) != 0) return Errno.EINVAL;
            ulong end = address + ((length + PageSize - 1) & ~(PageSize - 1));
            s_lock.Acquire();
            if (!CoveredLocked(address, end)) { s_lock.Release(); return Errno.ENOMEM; }
            for (int i = IndexOfLocked(address); i < s_count && s_regions[i].Start < end; i++)
            {
                Region r = s_regions[i];
                if (r.Prot == ProtNone) continue;
                ulong a = r.Start > address ? r.Start : address, b = r.End < end ? r.End : end;
                for (ulong p = a; p < b; p += PageSize)
                {
                    ulong physical = Paging.Translate(p);
                    if (physical != ulong.MaxValue) Zero((byte*)physical);
                }
            }
            s_lock.Release();
            return 0;
        }

        /// <summary>The access of the mapping holding address, or -1 when nothing is mapped there.</summary>
        public static int ProtectionAt(ulong address)
        {
            s_lock.Acquire();
            int i = IndexOfLocked(address);
            int prot = i < s_count && s_regions[i].Start <= address && address < s_regions[i].End ? s_regions[i].Prot : -1;
            s_lock.Release();
            return prot;
        }

        // ---- under s_lock ----

        // Index of the first region whose End is above address.
        private static int IndexOfLocked(ulong address)
        {
            int lo = 0, hi = s_count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (s_regions[mid].End <= address) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        private static bool CoveredLocked(ulong start, ulong end)
        {
            ulong at = start;
            for (int i = IndexOfLocked(start); i < s_count && at < end; i++)
            {
                if (s_regions[i].Start > at) return false;
                at = s_regions[i].End;
            }
            return at >= end;
        }

        // The lowest free gap of bytes at or above hint (else anywhere), or 0.
        private static ulong FindFreeLocked(ulong bytes, ulong hint)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                ulong from = pass == 0 && hint >= Base && hint < Limit ? hint : Base;
                int i = IndexOfLocked(from);
                ulong at = from;
                for (; i <= s_count; i++)
                {
                    ulong gapEnd = i < s_count ? s_regions[i].Start : Limit;
                    if (gapEnd > at && gapEnd - at >= bytes) return at;
                    if (i < s_count && s_regions[i].End > at) at = s_regions[i].End;
                }
            }
            return 0;
        }

        private static bool InsertLocked(ulong start, ulong end, int prot)
        {
            if (s_count == s_capacity && !GrowLocked()) return false;
            int i = IndexOfLocked(start);
            for (int k = s_count; k > i; k--) s_regions[k] = s_regions[k - 1];
            s_regions[i] = new Region { Start = start, End = end, Prot = prot };
            s_count++;
            return true;
        }

        private static bool GrowLocked()
        {
            int capacity = s_capacity == 0 ? 256 : s_capacity * 2;
            var bigger = (Region*)Heap.Alloc((nuint)(capacity * sizeof(Region)));
            if (bigger == null) return false;
            for (int i = 0; i < s_count; i++) bigger[i] = s_regions[i];
            if (s_regions != null) Heap.Free(s_regions);
            s_regions = bigger;
            s_capacity = capacity;
            return true;
        }

        // Makes a region boundary at address (splitting the region around it).
        private static void SplitLocked(ulong address)
        {
            int i = IndexOfLocked(address);
            if (i >= s_count || s_regions[i].Start >= address) return;
            Region r = s_regions[i];
            if (s_count == s_capacity && !GrowLocked()) Diagnostics.Panic.Message("AddressSpace: no memory to split a region");
            for (int k = s_count; k > i + 1; k--) s_regions[k] = s_regions[k - 1];
            s_regions[i].End = address;
            s_regions[i + 1] = new Region { Start = address, End = r.End, Prot = r.Prot };
            s_count++;
        }

        // Takes [start, end) out of every region (freeing committed pages).
        private static void RemoveLocked(ulong start, ulong end)
        {
            SplitLocked(start);
            SplitLocked(end);
            int first = IndexOfLocked(start), last = first;
            bool flush = false;
            while (last < s_count && s_regions[last].Start < end)
            {
                if (s_regions[last].Prot != ProtNone) { DecommitLocked(s_regions[last].Start, s_regions[last].End); flush = true; }
                s_reservedBytes -= s_regions[last].End - s_regions[last].Start;
                last++;
            }
            int removed = last - first;
            for (int k = first; k + removed < s_count; k++) s_regions[k] = s_regions[k + removed];
            s_count -= removed;
            if (flush) FlushAndFreeLocked();
        }

        private static void MergeLocked()
        {
            int w = 0;
            for (int i = 0; i < s_count; i++)
            {
                if (w > 0 && s_regions[w - 1].End == s_regions[i].Start && s_regions[w - 1].Prot == s_regions[i].Prot)
                    s_regions[w - 1].End = s_regions[i].End;
                else s_regions[w++] = s_regions[i];
            }
            s_count = w;
        }

        // Backs every page of [start, end) with a zeroed physical page. The pages were not present,
        // so no TLB holds them. False (with what was done undone) when memory ran out.
        private static bool CommitLocked(ulong start, ulong end, int prot)
        {
            bool writable = (prot & ProtWrite) != 0, executable = (prot & ProtExec) != 0;
            for (ulong a = start; a < end; a += PageSize)
            {
                ulong page = PageAllocator.Allocate(0);
                if (page == 0)
                {
                    DecommitLocked(start, a);
                    FlushAndFreeLocked();
                    return false;
                }
                Zero((byte*)page);
                Paging.MapPage(a, page, writable, executable);
                s_committedBytes += PageSize;
            }
            return true;
        }

        // Unmaps [start, end) and frees its pages — only once no CPU's TLB can still reach them:
        // they wait in s_unmapped until a flush, which happens here whenever it fills up and in
        // every caller (FlushEverywhere) before the lock is dropped.
        private static void DecommitLocked(ulong start, ulong end)
        {
            for (ulong a = start; a < end; a += PageSize)
            {
                ulong page = Paging.UnmapPage(a);
                if (page == ulong.MaxValue) continue;
                if (s_unmappedCount == UnmappedBatch) FlushAndFreeLocked();
                s_unmapped[s_unmappedCount++] = page;
                s_committedBytes -= PageSize;
            }
        }

        private const int UnmappedBatch = 512;
        private struct UnmappedPages { public fixed ulong Pages[UnmappedBatch]; }
        private static UnmappedPages s_unmappedPages;
        private static ulong* s_unmapped;
        private static int s_unmappedCount;

        private static void FlushAndFreeLocked()
        {
            Paging.FlushEverywhere();
            for (int i = 0; i < s_unmappedCount; i++) PageAllocator.Free(s_unmapped[i], 0);
            s_unmappedCount = 0;
        }

        /// <summary>Sets up the bookkeeping; called once before the first mapping.</summary>
        public static void Initialize()
        {
            fixed (UnmappedPages* u = &s_unmappedPages) s_unmapped = u->Pages;
        }

        private static void Zero(byte* page)
        {
            ulong* q = (ulong*)page;
            for (int i = 0; i < (int)(PageSize / 8); i++) q[i] = 0;
        }
    }
}
