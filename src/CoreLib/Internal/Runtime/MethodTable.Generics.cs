namespace Internal.Runtime
{
    // What generic variance needs from a MethodTable: an instantiation's generic definition and
    // arguments, and the definition's variance bytes. ilc places them after the sealed virtual
    // slots as rel32 fields: an instantiation has its definition, then its composition (with one
    // argument, the composition field points at that argument; with more, at a list of rel32
    // pointers to them); a definition with variant parameters has a pointer to one variance byte
    // per parameter, and keeps its arity in the base size field.
    internal unsafe partial struct MethodTable
    {
        private const uint GenericVarianceFlag = 0x00800000;
        private const uint GenericDefinitionKind = 0x00030000;

        /// <summary>An interface or delegate (an instantiation or its definition) with a covariant or contravariant parameter.</summary>
        public bool HasGenericVariance => (_uFlags & GenericVarianceFlag) != 0;

        /// <summary>An open generic definition (`List<>`), which only names the generic type in ilc's tables.</summary>
        public bool IsGenericDefinition => (_uFlags & KindMask) == GenericDefinitionKind;

        // The first field after the dispatch map, finalizer and sealed slots (each when present).
        private int* GenericFields =>
            OptionalFields + (HasDispatchMap ? 1 : 0) + ((_uFlags & HasFinalizerFlag) != 0 ? 1 : 0)
            + ((_uFlags & HasSealedVTableEntriesFlag) != 0 ? 1 : 0);

        /// <summary>The definition (`IEnumerable<>`) of a generic instantiation.</summary>
        public MethodTable* GenericDefinition => IsGeneric ? (MethodTable*)ReadRelPtr32(GenericFields) : null;

        /// <summary>Number of type parameters of a generic instantiation.</summary>
        public int GenericArity => (ushort)GenericDefinition->_uBaseSize;

        /// <summary>Type argument <paramref name="index"/> of a generic instantiation.</summary>
        public MethodTable* GenericArgument(int index)
        {
            int* composition = GenericFields + 1;
            int* arguments = GenericArity == 1 ? composition : (int*)ReadRelPtr32(composition);
            return (MethodTable*)ReadRelPtr32(arguments + index);
        }

        /// <summary>The variance of each type parameter (null if none is variant).</summary>
        public GenericVariance* GenericVarianceOfParameters
        {
            get
            {
                if (!HasGenericVariance) return null;
                if (IsGeneric) return GenericDefinition->GenericVarianceOfParameters;
                return IsGenericDefinition ? (GenericVariance*)ReadRelPtr32(GenericFields) : null;
            }
        }
    }

    internal enum GenericVariance : byte
    {
        NonVariant = 0,
        Covariant = 1,
        Contravariant = 2,
        // The element type of an array seen through its generic interfaces (T[] as IList<T>).
        ArrayCovariant = 0x20,
    }
}
