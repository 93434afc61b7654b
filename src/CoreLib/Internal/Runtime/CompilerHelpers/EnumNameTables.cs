using Internal.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// The members of one enum type. There is no reflection metadata in an image, so Nacre's
    /// source generator (src/Generators/EnumNameGenerator.cs) compiles a table for every enum of
    /// every assembly built for the kernel, and registers them at start-up.
    /// </summary>
    public sealed class EnumNameTable
    {
        /// <summary>ilc's hash of the type's name (TypeHashingAlgorithms), which is the MethodTable's HashCode.</summary>
        internal readonly int TypeHash;
        /// <summary>The underlying integer type, as the MethodTable's element type.</summary>
        internal readonly int ElementType;
        internal readonly bool IsFlags;
        /// <summary>Names and values in ascending order of the values compared as unsigned (as .NET sorts them);
        /// values are zero-extended from the underlying type.</summary>
        internal readonly string[] Names;
        internal readonly ulong[] Values;

        public EnumNameTable(int typeHash, int elementType, bool isFlags, string[] names, ulong[] values)
        {
            TypeHash = typeHash;
            ElementType = elementType;
            IsFlags = isFlags;
            Names = names;
            Values = values;
        }
    }

    /// <summary>Every assembly's enum tables, found by an enum's MethodTable.</summary>
    public static unsafe class EnumNameTables
    {
        private sealed class Assembly
        {
            public EnumNameTable[] Tables;   // sorted by TypeHash
            public Assembly Next;
        }

        // Written only by the eager static constructors at start-up, before any thread runs.
        private static Assembly s_assemblies;

        /// <summary>Called by the generated code of each assembly (tables sorted by TypeHash).</summary>
        public static void Register(EnumNameTable[] tables) => s_assemblies = new Assembly { Tables = tables, Next = s_assemblies };

        /// <summary>The table of an enum type, or null (an enum the generator could not name, such as one nested in a generic type).</summary>
        internal static EnumNameTable Find(MethodTable* type)
        {
            int hash = (int)type->HashCode;
            int elementType = (int)type->ElementType;
            for (Assembly a = s_assemblies; a != null; a = a.Next)
            {
                EnumNameTable[] tables = a.Tables;
                int lo = 0, hi = tables.Length - 1;
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (tables[mid].TypeHash < hash) lo = mid + 1; else hi = mid;
                }
                // Two enums of an image can share a name hash; the underlying type then tells them apart.
                for (int i = lo; i < tables.Length && tables[i].TypeHash == hash; i++)
                    if (tables[i].ElementType == elementType) return tables[i];
            }
            return null;
        }
    }
}
