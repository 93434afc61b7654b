using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Arch.X64;
using Nacre.Diagnostics;
using Nacre.Sync;

namespace Nacre.Memory
{
    /// <summary>
    /// The kernel's own page tables, replacing boot.S's 4 GiB map. Virtual = physical for all of
    /// RAM and at least the low 4 GiB (MMIO: LAPIC, IOAPIC, PCI holes), in 1 GiB pages when the
    /// CPU has them, else 2 MiB. Everything is no-execute except the image's code (.boot, .text);
    /// page 0 (null dereferences) and the boot stack's guard page stay unmapped. Large pages are
    /// split on demand to map or unmap a single 4 KiB page (thread-stack guard pages).
    ///
    /// The tables are shared: every CPU loads KernelRoot (with EFER.NXE set first). TLB: Unmap,
    /// Protect and Map over a present page invalidate the page on every CPU before returning
    /// (TlbShootdown, an IPI to each other CPU). Mapping a page that was not present needs no
    /// shootdown: no CPU caches a translation that does not exist.
    /// </summary>
    public static unsafe class Paging
    {
        private const ulong Present = 1, Writable = 2, User = 4, LargePage = 0x80;

        // Writable, and in deprivileged mode also user-accessible: all kernel code runs at CPL 3 then.
        private static ulong s_access = Writable;
        private const ulong NoExecuteBit = 1UL << 63;
        private const ulong AddressMask = 0x000FFFFFFFFFF000UL;
        // What a split copies from a large page into its smaller ones: present, writable, user,
        // write-through, cache-disable, NX. (The PAT bit moves position, and A/D start afresh.)
        private const ulong InheritedFlags = 0x1F | NoExecuteBit;

        public const ulong PageSize = 4096;
        public const ulong LargePageSize = 1UL << 21;
        public const ulong HugePageSize = 1UL << 30;
        private const ulong FourGiB = 1UL << 32;

        private static ulong s_root;
        private static ulong s_identityLimit;
        private static ulong s_noExecute;   // NoExecuteBit when the CPU supports it, else 0
        private static bool s_hugePages;
        private static bool s_live;
        private static SpinLock s_lock;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_text_end")]
        private static extern byte* TextEnd();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_boot_stack_bottom")]
        private static extern byte* BootStackBottom();

        /// <summary>Physical address of the kernel's PML4: what every CPU loads into CR3.</summary>
        public static ulong KernelRoot => s_root;

        /// <summary>End of the identity map built at boot (a multiple of 1 GiB, at least 4 GiB).</summary>
        public static ulong IdentityLimit => s_identityLimit;

        public static bool UsesHugePages => s_hugePages;
        public static bool NoExecuteActive => s_noExecute != 0;

        /// <summary>Address of the boot stack's guard page (unmapped).</summary>
        public static ulong BootStackGuard => (ulong)BootStackBottom() - PageSize;

        /// <summary>Builds the tables and switches this CPU to them. Page-table pages come from
        /// PhysicalMemory (below 4 GiB, reachable through the boot map) until the buddy exists.</summary>
        public static void Initialize()
        {
            // Deprivileged under the HVM means kvm-pvm, whose shadow MMU cannot map 1 GiB guest
            // pages (a fetch through one is a triple fault) — and CPUID at CPL 3 there is the
            // host's own, unfiltered by the VMM, so it cannot be asked.
            s_hugePages = Cpu.SupportsGigabytePages && !(Platform.IsHvm && Platform.Deprivileged);
            s_access = Writable | (Platform.Deprivileged ? User : 0);
            s_noExecute = Cpu.SupportsNoExecute ? NoExecuteBit : 0;
            ulong top = PhysicalMemory.TopOfMemory;
            if (top < FourGiB) top = FourGiB;
            s_identityLimit = (top + HugePageSize - 1) & ~(HugePageSize - 1);

            s_root = NewTable();
            for (ulong g = 0; g < s_identityLimit; g += HugePageSize)
            {
                ulong* pdpt = NextTable((ulong*)s_root, Index(g, 3), true);
                if (s_hugePages)
                {
                    pdpt[Index(g, 2)] = g | Present | s_access | LargePage | s_noExecute;
                    continue;
                }
                ulong pd = NewTable();
                for (ulong i = 0; i < 512; i++)
                    ((ulong*)pd)[i] = (g + i * LargePageSize) | Present | s_access | LargePage | s_noExecute;
                pdpt[Index(g, 2)] = pd | Present | s_access;
            }

            *Leaf4K(0, true) = 0;
            *Leaf4K(BootStackGuard, true) = 0;
            ulong codeEnd = ((ulong)TextEnd() + PageSize - 1) & ~(PageSize - 1);
            for (ulong a = PhysicalMemory.ImageStartAddress & ~(PageSize - 1); a < codeEnd; a += PageSize)
                *Leaf4K(a, true) &= ~NoExecuteBit;

            // The HVM's vCPUs start with EFER.NXE set (docs/hvm.md); elsewhere it is ours to set.
            if (s_noExecute != 0 && !Platform.IsHvm) Cpu.EnableNoExecute();
            Cpu.WriteCr3(s_root);
            s_live = true;
        }

        /// <summary>Maps the 4 KiB page at virtualAddress to physicalAddress (writable; no-execute
        /// unless executable), splitting a large page or creating tables as needed.</summary>
        public static void Map(ulong virtualAddress, ulong physicalAddress, bool executable = false)
            => Update(virtualAddress, 0, (physicalAddress & AddressMask) | Present | s_access | (executable ? 0 : s_noExecute), false);

        /// <summary>
        /// Maps [virtualAddress, +bytes) to [physicalAddress, +bytes) with 2 MiB pages (all three
        /// 2 MiB aligned), writable and no-execute: the HVM's arena, at the host's address.
        /// </summary>
        public static void MapLarge(ulong virtualAddress, ulong physicalAddress, ulong bytes)
        {
            ulong flags = s_lock.AcquireIrqSave();
            for (ulong off = 0; off < bytes; off += LargePageSize)
            {
                ulong va = virtualAddress + off;
                ulong* table = (ulong*)s_root;
                for (int level = 3; level > 1; level--) table = NextTable(table, Index(va, level), true);
                table[Index(va, 1)] = (physicalAddress + off) | Present | s_access | LargePage | s_noExecute;
            }
            Cpu.FlushTlb();
            s_lock.ReleaseIrqRestore(flags);
        }

        /// <summary>Maps the 4 KiB page at address to itself again (undoes Unmap).</summary>
        public static void MapIdentity(ulong address) => Map(address, address);

        /// <summary>Unmaps the 4 KiB page holding virtualAddress (splitting a large page); accesses fault, on every CPU.</summary>
        public static void Unmap(ulong virtualAddress) => Update(virtualAddress, 0, 0, false);

        /// <summary>
        /// Sets the permissions of the mapped 4 KiB page holding virtualAddress (splitting a large
        /// page), on every CPU. False (and nothing changed) when the page is not mapped.
        /// </summary>
        public static bool Protect(ulong virtualAddress, bool writable, bool executable)
        {
            ulong old = Update(virtualAddress, ~(Writable | NoExecuteBit), (writable ? Writable : 0) | (executable ? 0 : s_noExecute), true);
            return (old & Present) != 0;
        }

        // Sets the 4 KiB entry for virtualAddress to (old & keep) | set (when onlyIfPresent, only
        // if the address is mapped) and invalidates it here; then, if the old entry was present
        // (some CPU may have cached it), everywhere else — after dropping the lock, which other
        // CPUs take with interrupts off. Returns the old entry.
        private static ulong Update(ulong virtualAddress, ulong keep, ulong set, bool onlyIfPresent)
        {
            ulong flags = s_lock.AcquireIrqSave();
            ulong* e = onlyIfPresent && Walk(virtualAddress, out _, out _) == null ? null : Leaf4K(virtualAddress, true);
            ulong old = 0;
            if (e != null)
            {
                old = *e;
                *e = (old & keep) | set;
                Cpu.InvalidatePage(virtualAddress);
            }
            s_lock.ReleaseIrqRestore(flags);
            if ((old & Present) != 0) TlbShootdown.Invalidate(virtualAddress);
            return old;
        }

        /// <summary>
        /// Maps the 4 KiB page at virtualAddress to physicalAddress with the given access
        /// (present; no-execute unless executable), without invalidating any TLB: for a page that
        /// was not present (nothing can be cached), or inside a batch that ends with FlushEverywhere.
        /// Returns the old entry.
        /// </summary>
        public static ulong MapPage(ulong virtualAddress, ulong physicalAddress, bool writable, bool executable)
        {
            ulong entry = (physicalAddress & AddressMask) | Present | (s_access & ~Writable) | (writable ? Writable : 0) | (executable ? 0 : s_noExecute);
            ulong flags = s_lock.AcquireIrqSave();
            ulong* e = Leaf4K(virtualAddress, true);
            ulong old = *e;
            *e = entry;
            s_lock.ReleaseIrqRestore(flags);
            return old;
        }

        /// <summary>
        /// Clears the 4 KiB entry for virtualAddress (if any table reaches it) without invalidating
        /// TLBs, and returns the physical page it mapped, or ulong.MaxValue when it mapped nothing.
        /// The caller ends its batch with FlushEverywhere before reusing the page.
        /// </summary>
        public static ulong UnmapPage(ulong virtualAddress)
        {
            ulong flags = s_lock.AcquireIrqSave();
            ulong* e = Walk(virtualAddress, out _, out _) == null ? null : Leaf4K(virtualAddress, false);
            ulong old = 0;
            if (e != null) { old = *e; *e = 0; }
            s_lock.ReleaseIrqRestore(flags);
            return (old & Present) != 0 ? old & AddressMask : ulong.MaxValue;
        }

        /// <summary>
        /// Changes the access of the present 4 KiB page at virtualAddress without invalidating TLBs
        /// (batch, then FlushEverywhere). False when it is not mapped.
        /// </summary>
        public static bool ProtectPage(ulong virtualAddress, bool writable, bool executable)
        {
            ulong flags = s_lock.AcquireIrqSave();
            ulong* e = Walk(virtualAddress, out _, out _) == null ? null : Leaf4K(virtualAddress, false);
            bool mapped = e != null && (*e & Present) != 0;
            if (mapped) *e = (*e & ~(Writable | NoExecuteBit)) | (writable ? Writable : 0) | (executable ? 0 : s_noExecute);
            s_lock.ReleaseIrqRestore(flags);
            return mapped;
        }

        /// <summary>The physical address virtualAddress translates to, or ulong.MaxValue when unmapped.</summary>
        public static ulong Translate(ulong virtualAddress)
        {
            ulong* e = Walk(virtualAddress, out int level, out _);
            if (e == null) return ulong.MaxValue;
            ulong size = PageSize << (9 * level);
            return (*e & AddressMask & ~(size - 1)) | (virtualAddress & (size - 1));
        }

        /// <summary>Ends a batch of MapPage/UnmapPage/ProtectPage calls that changed present pages: every CPU drops its cached translations.</summary>
        public static void FlushEverywhere()
        {
            Cpu.FlushTlb();
            TlbShootdown.Invalidate(TlbShootdown.Everything);
        }

        public static bool IsMapped(ulong address) => PageSizeAt(address) != 0;

        /// <summary>Size of the page mapping address (4 KiB, 2 MiB or 1 GiB), or 0 when unmapped.</summary>
        public static ulong PageSizeAt(ulong address)
        {
            ulong* e = Walk(address, out int level, out _);
            return e == null ? 0 : PageSize << (9 * level);
        }

        /// <summary>True when address is mapped and may be executed (NX clear at every level).</summary>
        public static bool IsExecutable(ulong address)
        {
            ulong* e = Walk(address, out _, out bool noExecute);
            return e != null && !noExecute;
        }

        public static bool IsWritable(ulong address)
        {
            ulong* e = Walk(address, out _, out _);
            return e != null && (*e & Writable) != 0;
        }

        /// <summary>Counts present leaf mappings by size (for Describe and tests).</summary>
        public static void CountPages(out ulong huge, out ulong large, out ulong small)
        {
            huge = large = small = 0;
            ulong* pml4 = (ulong*)s_root;
            for (int i = 0; i < 512; i++)
            {
                if ((pml4[i] & Present) == 0) continue;
                ulong* pdpt = (ulong*)(pml4[i] & AddressMask);
                for (int j = 0; j < 512; j++)
                {
                    if ((pdpt[j] & Present) == 0) continue;
                    if ((pdpt[j] & LargePage) != 0) { huge++; continue; }
                    ulong* pd = (ulong*)(pdpt[j] & AddressMask);
                    for (int k = 0; k < 512; k++)
                    {
                        if ((pd[k] & Present) == 0) continue;
                        if ((pd[k] & LargePage) != 0) { large++; continue; }
                        ulong* pt = (ulong*)(pd[k] & AddressMask);
                        for (int l = 0; l < 512; l++) if ((pt[l] & Present) != 0) small++;
                    }
                }
            }
        }

        private static ulong Index(ulong address, int level) => (address >> (12 + 9 * level)) & 511;

        // The present leaf entry mapping address and its level (0 = 4 KiB, 1 = 2 MiB, 2 = 1 GiB),
        // or null. noExecute: NX was set at some level on the way down.
        private static ulong* Walk(ulong address, out int level, out bool noExecute)
        {
            noExecute = false;
            ulong* table = (ulong*)s_root;
            for (level = 3; level >= 0; level--)
            {
                ulong* e = table + Index(address, level);
                if ((*e & Present) == 0) return null;
                if ((*e & NoExecuteBit) != 0) noExecute = true;
                if (level == 0 || (level <= 2 && (*e & LargePage) != 0)) return e;
                table = (ulong*)(*e & AddressMask);
            }
            return null;
        }

        // The 4 KiB entry for address: creates missing tables (when create) and splits large pages.
        private static ulong* Leaf4K(ulong address, bool create)
        {
            ulong* table = (ulong*)s_root;
            for (int level = 3; level > 0; level--)
            {
                ulong* e = table + Index(address, level);
                if ((*e & Present) != 0 && (*e & LargePage) != 0) Split(e, level);
                table = NextTable(table, Index(address, level), create);
                if (table == null) return null;
            }
            return table + Index(address, 0);
        }

        private static ulong* NextTable(ulong* table, ulong index, bool create)
        {
            ulong e = table[index];
            if ((e & Present) != 0) return (ulong*)(e & AddressMask);
            if (!create) return null;
            ulong t = NewTable();
            table[index] = t | Present | s_access;
            return (ulong*)t;
        }

        // Replaces the large page *entry (1 GiB at level 2, 2 MiB at level 1) by a table of 512
        // pages one size down with the same translation and permissions. The table is complete
        // before it is linked in, so other CPUs walking it never see a half-built one.
        private static void Split(ulong* entry, int level)
        {
            ulong t = NewTable();
            ulong baseAddress = *entry & AddressMask & ~((PageSize << (9 * level)) - 1);
            ulong flags = *entry & InheritedFlags;
            ulong childSize = PageSize << (9 * (level - 1));
            ulong childLarge = level == 2 ? LargePage : 0;
            for (ulong i = 0; i < 512; i++) ((ulong*)t)[i] = (baseAddress + i * childSize) | flags | childLarge;
            *entry = t | Present | s_access;
            if (s_live) Cpu.FlushTlb();
        }

        private static ulong NewTable()
        {
            ulong t = PageAllocator.Ready ? PageAllocator.Allocate(0)
                : PhysicalMemory.Take(PageSize, PhysicalMemory.LowMemoryEnd, FourGiB);
            if (t == 0) Panic.Message("paging: out of memory for page tables");
            ulong* p = (ulong*)t;
            for (int i = 0; i < 512; i++) p[i] = 0;
            return t;
        }
    }
}
