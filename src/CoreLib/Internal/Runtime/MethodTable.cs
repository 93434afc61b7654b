using System.Runtime.InteropServices;

namespace Internal.Runtime
{
    /// <summary>
    /// The type descriptor ilc emits for every type (NativeAOT's MethodTable, x64 layout):
    /// flags, base size, related type, vtable, interface map, then optional data.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe partial struct MethodTable
    {
        // Low 16 bits: component size for arrays and strings (when HasComponentSize).
        private uint _uFlags;
        private uint _uBaseSize;
        // Base type for classes and structs; element type for arrays; pointee for pointers.
        private MethodTable* _relatedType;
        private ushort _usNumVtableSlots;
        private ushort _usNumInterfaces;
        private uint _uHashCode;
        // Followed by: vtable (numVtableSlots pointers), interface map (numInterfaces MethodTable*).

        private const uint HasComponentSizeFlag = 0x80000000;
        private const uint HasDispatchMapFlag = 0x00040000;
        private const uint HasFinalizerFlag = 0x00100000;
        private const uint HasSealedVTableEntriesFlag = 0x00400000;
        private const uint HasPointersFlag = 0x01000000;
        private const uint KindMask = 0x00030000;
        private const uint ParameterizedKind = 0x00020000;
        private const uint ElementTypeMask = 0x7C000000;
        private const int ElementTypeShift = 26;

        /// <summary>The MethodTable of T (an ilc intrinsic: a constant per instantiation).</summary>
        [System.Runtime.CompilerServices.Intrinsic]
        public static MethodTable* Of<T>() => throw new System.NotSupportedException();

        public uint ComponentSize => (_uFlags & HasComponentSizeFlag) != 0 ? _uFlags & 0xFFFF : 0;
        public bool HasComponentSize => (_uFlags & HasComponentSizeFlag) != 0;
        public uint BaseSize => _uBaseSize;
        public MethodTable* RelatedType => _relatedType;
        public ushort NumVtableSlots => _usNumVtableSlots;
        public ushort NumInterfaces => _usNumInterfaces;
        public uint HashCode => _uHashCode;
        public uint Flags => _uFlags;

        public ElementType ElementType => (ElementType)((_uFlags & ElementTypeMask) >> ElementTypeShift);
        public bool IsParameterized => (_uFlags & KindMask) == ParameterizedKind;
        public bool IsArray => ElementType == ElementType.SzArray || ElementType == ElementType.Array;
        public bool IsSzArray => ElementType == ElementType.SzArray;
        public bool IsInterface => ElementType == ElementType.Interface;
        public bool IsValueType => ElementType < ElementType.Class;
        public bool IsNullable => ElementType == ElementType.Nullable;
        public bool HasPointers => (_uFlags & HasPointersFlag) != 0;

        /// <summary>Base type of a class (null for Object and interfaces).</summary>
        public MethodTable* BaseType => IsParameterized || IsInterface ? null : _relatedType;

        /// <summary>Element type of an array.</summary>
        public MethodTable* ElementTypeHandle => _relatedType;

        // The name ilc's multi-dimensional array accessors call.
        public MethodTable* RelatedParameterType => _relatedType;

        /// <summary>Rank of a multi-dimensional array type: its base size holds a length and a lower bound per dimension.</summary>
        public int ArrayRank => IsSzArray ? 1 : (int)((_uBaseSize - 3 * (uint)sizeof(nint)) / (2 * sizeof(int)));

        public MethodTable** InterfaceMap
        {
            get
            {
                fixed (MethodTable* self = &this)
                    return (MethodTable**)((byte*)self + sizeof(MethodTable) + _usNumVtableSlots * sizeof(nint));
            }
        }

        public bool HasDispatchMap => (_uFlags & HasDispatchMapFlag) != 0;

        // After the interface map come rel32 fields: type manager, writable data, then (when
        // present) the dispatch map, the finalizer and the sealed virtual slots.
        private int* OptionalFields => (int*)((byte*)InterfaceMap + _usNumInterfaces * sizeof(nint)) + 2;

        public DispatchMap* DispatchMap =>
            HasDispatchMap ? (DispatchMap*)ReadRelPtr32(OptionalFields) : null;

        /// <summary>Code of a sealed virtual slot (slots numbered from the end of the vtable).</summary>
        public nint SealedVirtualSlot(int index)
        {
            if ((_uFlags & HasSealedVTableEntriesFlag) == 0) return 0;
            int* field = OptionalFields + (HasDispatchMap ? 1 : 0) + ((_uFlags & HasFinalizerFlag) != 0 ? 1 : 0);
            int* table = (int*)ReadRelPtr32(field);
            return (nint)ReadRelPtr32(table + index);
        }

        private static void* ReadRelPtr32(int* address) => (byte*)address + *address;

        public nint* Vtable
        {
            get
            {
                fixed (MethodTable* self = &this) return (nint*)((byte*)self + sizeof(MethodTable));
            }
        }
    }

    /// <summary>
    /// Which implementation slot serves each interface method a type implements: a header of four
    /// counts, then 6-byte entries (standard, then default-interface-method ones; static virtual
    /// entries follow and are not used for instance dispatch).
    /// </summary>
    internal unsafe struct DispatchMap
    {
        public ushort StandardEntryCount;
        public ushort DefaultEntryCount;
        public ushort StandardStaticEntryCount;
        public ushort DefaultStaticEntryCount;

        public struct Entry
        {
            public ushort InterfaceIndex;
            public ushort InterfaceMethodSlot;
            public ushort ImplementationSlot;
        }

        public Entry* Entries
        {
            get { fixed (DispatchMap* self = &this) return (Entry*)(self + 1); }
        }
    }

    internal enum ElementType
    {
        Unknown = 0x00, Void = 0x01, Boolean = 0x02, Char = 0x03, SByte = 0x04, Byte = 0x05,
        Int16 = 0x06, UInt16 = 0x07, Int32 = 0x08, UInt32 = 0x09, Int64 = 0x0A, UInt64 = 0x0B,
        IntPtr = 0x0C, UIntPtr = 0x0D, Single = 0x0E, Double = 0x0F,
        ValueType = 0x10, Nullable = 0x12,
        Class = 0x14, Interface = 0x15, SystemArray = 0x16, Array = 0x17, SzArray = 0x18,
        ByRef = 0x19, Pointer = 0x1A, FunctionPointer = 0x1B,
    }
}
