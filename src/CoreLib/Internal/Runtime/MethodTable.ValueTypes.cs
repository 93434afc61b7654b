namespace Internal.Runtime
{
    // What boxing and value equality need from a value type's MethodTable: the exact size of its
    // fields and, for Nullable<T>, T and where the value sits. ilc keeps the size and offset in
    // the low 16 bits of the flags (the "extended flags" of a type without a component size);
    // T is the generic argument (MethodTable.Generics.cs).
    internal unsafe partial struct MethodTable
    {
        private const uint IsGenericFlag = 0x02000000;
        // Extended flags: bytes of padding ilc added after the fields to align the boxed size,
        // and log2 of the offset of Nullable<T>'s value field.
        private const uint ValueTypeFieldPaddingMask = 0x00E0;
        private const int ValueTypeFieldPaddingShift = 5;
        private const uint NullableValueOffsetMask = 0x0700;
        private const int NullableValueOffsetShift = 8;

        public bool IsGeneric => (_uFlags & IsGenericFlag) != 0;

        /// <summary>Enums and the primitive types (their element type says which integer or float they hold).</summary>
        public bool IsPrimitive => ElementType < ElementType.ValueType;

        /// <summary>Size of a value type's fields without the boxed object's header and alignment padding: what a local or an array element occupies.</summary>
        public uint ValueTypeSize
        {
            get
            {
                uint padding = HasComponentSize ? 0 : (_uFlags & ValueTypeFieldPaddingMask) >> ValueTypeFieldPaddingShift;
                return _uBaseSize - (uint)(2 * sizeof(nint)) - padding;
            }
        }

        /// <summary>Offset of Nullable&lt;T&gt;'s value field (its first byte is the hasValue flag).</summary>
        public uint NullableValueOffset => 1u << (int)((_uFlags & NullableValueOffsetMask) >> NullableValueOffsetShift);

        /// <summary>The T of a Nullable&lt;T&gt;.</summary>
        public MethodTable* NullableType => GenericArgument(0);
    }
}
