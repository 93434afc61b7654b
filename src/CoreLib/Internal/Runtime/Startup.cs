using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// Module initialisation, run once by the kernel before any other C# code: allocates the
    /// objects that hold reference-type statics (ilc leaves placeholders for them) and runs the
    /// eager static constructors. Nothing here may touch a reference-type static.
    /// </summary>
    internal static unsafe class Startup
    {
        // ReadyToRun section ids (NativeAOT's ReadyToRunSectionType).
        private const int GCStaticRegion = 201;
        private const int ThreadStaticRegion = 202;
        private const int EagerCctor = 205;

        // Low bits of a GC static region entry before it is initialised.
        private const nint Uninitialized = 1;
        private const nint HasPreInitializedData = 2;
        private const nint FlagMask = 3;

        private struct ReadyToRunHeader
        {
            public uint Signature;
            public ushort MajorVersion;
            public ushort MinorVersion;
            public uint Flags;
            public ushort NumberOfSections;
            public byte EntrySize;
            public byte EntryType;
        }

        private struct ModuleInfoRow
        {
            public int SectionId;
            public int Flags;
            public byte* Start;
            public byte* End;
        }

        /// <summary>modules: the __modules section (an array of ReadyToRun header pointers).</summary>
        [RuntimeExport("nacre_initialize_modules")]
        public static void InitializeModules(void** modules, int count)
        {
            for (int m = 0; m < count; m++)
            {
                ReadyToRunHeader* header = (ReadyToRunHeader*)modules[m];
                if (header == null || header->Signature != 0x00525452) continue;
                ModuleInfoRow* rows = (ModuleInfoRow*)(header + 1);
                for (int i = 0; i < header->NumberOfSections; i++)
                {
                    TypeLoader.ModuleTables.Register(rows[i].SectionId, rows[i].Start);
                    if (rows[i].SectionId == GCStaticRegion) InitializeGCStatics(rows[i].Start, rows[i].End);
                    else if (rows[i].SectionId == ThreadStaticRegion) ThreadStatics.SetRegion(rows[i].Start, rows[i].End);
                }
                for (int i = 0; i < header->NumberOfSections; i++)
                    if (rows[i].SectionId == EagerCctor) RunEagerConstructors(rows[i].Start, rows[i].End);
            }
        }

        private static nint* ReadRelPtr32(void* address) => (nint*)((byte*)address + *(int*)address);

        // Each region entry is a rel32 to a cell. Before initialisation the cell holds rel32(MethodTable
        // of the statics holder, tagged with the flags) and, with pre-initialised data, a second rel32
        // to the field values ilc computed at compile time. Afterwards it holds the holder object.
        private static void InitializeGCStatics(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += sizeof(int))
            {
                nint* cell = ReadRelPtr32(entry);
                nint tagged = (nint)ReadRelPtr32(cell);
                if ((tagged & Uninitialized) == 0) continue;
                MethodTable* type = (MethodTable*)(tagged & ~FlagMask);
                object holder = RuntimeAllocation.NewFast(type);
                if ((tagged & HasPreInitializedData) != 0)
                {
                    void* data = ReadRelPtr32((int*)cell + 1);
                    Buffer.Memmove((byte*)Unsafe.AsPointer(ref holder.GetRawData()), (byte*)data,
                        type->BaseSize - (nuint)(2 * sizeof(nint)));
                }
                *cell = Unsafe.As<object, nint>(ref holder);
            }
        }

        private static void RunEagerConstructors(byte* start, byte* end)
        {
            for (byte* entry = start; entry < end; entry += sizeof(int))
                ((delegate*<void>)ReadRelPtr32(entry))();
        }
    }
}
