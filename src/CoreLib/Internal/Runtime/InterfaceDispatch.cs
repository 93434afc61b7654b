using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Internal.Runtime
{
    /// <summary>
    /// Interface calls with several implementers go through a per-call-site cell {stub, data}
    /// (ilc emits `lea cell, %r11; call *(%r11)`). The first call lands in the resolver, which
    /// finds the implementation through the dispatch maps and turns the cell into a polymorphic
    /// inline cache: the cached stub compares the receiver's MethodTable with the entries and
    /// jumps straight to the target. Each (call site, receiver type) pair is resolved once.
    /// </summary>
    internal static unsafe class InterfaceDispatch
    {
        internal struct Cell
        {
            public nint Stub;
            public nint Data;   // encoded interface (low bits set) or DispatchCache*
        }

        // Cache layout is shared with the stub in ilchelpers.S (kernel arch/x64, names in
        // structoffsets.h, checked through InterfaceDispatchLayout): entries start at offset 32 and
        // end with an entry whose Type is null.
        internal struct DispatchCache
        {
            public MethodTable* InterfaceType;   // 0
            public uint Slot;                    // 8
            public uint Count;                   // 12
            public Cell* Cell;                   // 16
            public uint Capacity;                // 24
            public uint Padding;
            // CacheEntry[Capacity + 1] at 32
        }

        internal struct CacheEntry
        {
            public MethodTable* Type;
            public nint Target;
        }

        private const int InitialCapacity = 4;
        private const int MaxCapacity = 64;    // beyond this a call site resolves on every miss
        private static int s_lock;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_cached_interface_dispatch_stub")]
        private static extern nint CachedStub();

        /// <summary>Called by RhpInitialDynamicInterfaceDispatch with the receiver and the cell; returns the code to run.</summary>
        [RuntimeExport("nacre_resolve_interface_call")]
        private static nint ResolveCall(object receiver, Cell* cell)
        {
            MethodTable* type = receiver.GetMethodTable();
            nint data = Volatile.Read(ref cell->Data);

            // Small aligned values are plain vtable offsets.
            if (data < 0x1000 && (data & 3) == 0) return *(nint*)((byte*)type + data);

            MethodTable* iface;
            uint slot;
            DispatchCache* cache = null;
            if ((data & 3) == 0)
            {
                cache = (DispatchCache*)data;
                iface = cache->InterfaceType;
                slot = cache->Slot;
            }
            else
            {
                DecodeCell(cell, data, out iface, out slot);
            }

            nint target = Resolve(type, iface, (int)slot);
            if (target == 0)
                KernelImports.FailFast("interface method not implemented by the receiver's type");

            AddToCache(cell, cache, iface, slot, type, target);
            return target;
        }

        /// <summary>Reads ilc's initial encoding: interface type (relative or indirect) and, in the cell that ends the run, the slot.</summary>
        private static void DecodeCell(Cell* cell, nint data, out MethodTable* iface, out uint slot)
        {
            nint address = (nint)(&cell->Data) + (int)data;
            switch ((int)(data & 3))
            {
                case 3: iface = (MethodTable*)(address & ~3); break;
                case 2: iface = *(MethodTable**)(address & ~3); break;
                default: iface = (MethodTable*)(data & ~3); break;
            }
            Cell* end = cell;
            while (end->Stub != 0) end++;
            slot = (uint)(ushort)end->Data;
        }

        /// <summary>The code implementing interface method (iface, slot) for objects of type.</summary>
        internal static nint Resolve(MethodTable* type, MethodTable* iface, int slot)
        {
            nint target = Resolve(type, iface, slot, variant: false);
            // As in .NET, an exactly matching interface wins; else any variance-compatible one
            // (an IProducer<string> implementation serves a call through IProducer<object>).
            if (target == 0 && iface->HasGenericVariance) target = Resolve(type, iface, slot, variant: true);
            return target;
        }

        private static nint Resolve(MethodTable* type, MethodTable* iface, int slot, bool variant)
        {
            for (int pass = 0; pass < 2; pass++)    // class implementations first, then default methods
            {
                for (MethodTable* t = type; t != null; t = t->BaseType)
                {
                    DispatchMap* map = t->DispatchMap;
                    if (map == null) continue;
                    DispatchMap.Entry* e = map->Entries + (pass == 0 ? 0 : map->StandardEntryCount);
                    int count = pass == 0 ? map->StandardEntryCount : map->DefaultEntryCount;
                    MethodTable** interfaces = t->InterfaceMap;
                    for (int i = 0; i < count; i++)
                    {
                        if (e[i].InterfaceMethodSlot != slot) continue;
                        MethodTable* implemented = interfaces[e[i].InterfaceIndex];
                        if (variant ? !TypeCast.IsVariantCompatible(implemented, iface) : implemented != iface) continue;
                        int impl = e[i].ImplementationSlot;
                        return impl < t->NumVtableSlots ? type->Vtable[impl] : t->SealedVirtualSlot(impl - t->NumVtableSlots);
                    }
                }
            }
            return 0;
        }

        private static void AddToCache(Cell* cell, DispatchCache* cache, MethodTable* iface, uint slot, MethodTable* type, nint target)
        {
            while (Interlocked.CompareExchange(ref s_lock, 1, 0) != 0) { }

            // Another CPU may have installed or grown the cache meanwhile: work on the current one.
            nint data = cell->Data;
            cache = (data & 3) == 0 && data >= 0x1000 ? (DispatchCache*)data : null;
            CacheEntry* entries = cache == null ? null : (CacheEntry*)(cache + 1);
            bool present = false;
            for (uint i = 0; cache != null && i < cache->Count; i++) present |= entries[i].Type == type;

            if (!present && (cache == null || cache->Count < cache->Capacity || cache->Capacity < MaxCapacity))
            {
                if (cache == null || cache->Count == cache->Capacity)
                {
                    uint capacity = cache == null ? InitialCapacity : cache->Capacity * 2;
                    DispatchCache* grown = (DispatchCache*)KernelImports.Alloc((nuint)(sizeof(DispatchCache) + (capacity + 1) * sizeof(CacheEntry)));
                    grown->InterfaceType = iface;
                    grown->Slot = slot;
                    grown->Cell = cell;
                    grown->Capacity = capacity;
                    CacheEntry* n = (CacheEntry*)(grown + 1);
                    for (uint i = 0; cache != null && i < cache->Count; i++) n[i] = entries[i];
                    grown->Count = cache == null ? 0 : cache->Count;
                    cache = grown;
                    entries = n;
                }
                // Publish the target before the type: the stub matches on the type, then jumps.
                entries[cache->Count].Target = target;
                Volatile.Write(ref *(nint*)&entries[cache->Count].Type, (nint)type);
                cache->Count++;
                if ((nint)cache != cell->Data)
                {
                    Volatile.Write(ref cell->Data, (nint)cache);
                    Volatile.Write(ref cell->Stub, CachedStub());
                }
            }

            Volatile.Write(ref s_lock, 0);
        }
    }

    /// <summary>
    /// The layout of a dispatch cell and its cache as this compiler laid them out, for the kernel's
    /// test that compares the offsets the cached-dispatch stub uses (structoffsets.h) with them.
    /// </summary>
    public static unsafe class InterfaceDispatchLayout
    {
        public static ulong CellData
        {
            get { InterfaceDispatch.Cell c; return (ulong)((byte*)&c.Data - (byte*)&c); }
        }

        /// <summary>Where a cache's entries start: right after its header.</summary>
        public static ulong CacheEntries => (ulong)sizeof(InterfaceDispatch.DispatchCache);

        public static ulong EntryTarget
        {
            get { InterfaceDispatch.CacheEntry e; return (ulong)((byte*)&e.Target - (byte*)&e); }
        }

        public static ulong EntrySize => (ulong)sizeof(InterfaceDispatch.CacheEntry);
    }
}
