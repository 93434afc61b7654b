namespace Internal.Runtime.TypeLoader
{
    /// <summary>
    /// The code for one instantiation of a generic method that ilc compiled: exact code for
    /// value-type instantiations (the exact method instantiations table), or the canonical code
    /// shared over reference types (the generic method templates) with a generic dictionary built
    /// here from the template's dictionary layout and returned as a fat function pointer, the
    /// form ilc's callers test for (bit 1 set; code and dictionary at address - 2).
    /// Without reflection metadata ilc writes no method names into these tables, so a method is
    /// known only by its owning type and instantiation; the caller makes sure that identifies it.
    /// </summary>
    internal static unsafe class GenericMethodCode
    {
        private const uint HasInstantiation = 1, IsUnboxingStub = 2, HasFunctionPointer = 4;
        private const uint DictionaryLayoutBagKind = 0x40;
        private const uint TypeHandleCell = 1;
        public const nint FatPointerTag = 2;

        /// <summary>Code for owner's generic method over args, 0 when ilc compiled none; error names why a found one cannot be used.</summary>
        public static nint Find(MethodTable* owner, MethodTable** args, int argCount, out string error)
        {
            error = null;
            nint exact = FindExact(owner, args, argCount, ref error);
            if (exact != 0 || error != null) return exact;
            return FindShared(owner, args, argCount, ref error);
        }

        // Entries: (owning type, name-and-signature, argument count, arguments, code), indices into the native references.
        private static nint FindExact(MethodTable* owner, MethodTable** args, int argCount, ref string error)
        {
            nint found = 0;
            var entries = new NativeHashtableEntries(ModuleTables.ExactMethodInstantiations);
            while (entries.Next(out NativeParser e))
            {
                if (ModuleTables.NativeReference(e.GetUnsigned()) != owner) continue;
                e.GetUnsigned();
                if (e.GetUnsigned() != (uint)argCount) continue;
                bool same = true;
                for (int i = 0; i < argCount; i++)
                    if (ModuleTables.NativeReference(e.GetUnsigned()) != args[i]) same = false;
                if (!same) continue;
                nint code = (nint)ModuleTables.NativeReference(e.GetUnsigned());
                if (found != 0 && found != code) { error = "the owning type has two generic methods over these type arguments"; return 0; }
                found = code;
            }
            return found;
        }

        // Entries: relative offsets into the native layout of the template method's signature
        // (flags, code, owning type, name-and-signature, arguments) and of its layout bag.
        private static nint FindShared(MethodTable* owner, MethodTable** args, int argCount, ref string error)
        {
            nint code = 0;
            byte* layout = null;
            var entries = new NativeHashtableEntries(ModuleTables.GenericMethodTemplates);
            while (entries.Next(out NativeParser e))
            {
                var method = new NativeParser(ModuleTables.NativeLayout + e.GetUnsigned());
                byte* bag = ModuleTables.NativeLayout + e.GetUnsigned();
                uint flags = method.GetUnsigned();
                if ((flags & HasFunctionPointer) == 0 || (flags & HasInstantiation) == 0) continue;
                nint candidate = (nint)ModuleTables.NativeReference(method.GetUnsigned());
                MethodTable* canonicalOwner = TypeSignatures.Resolve(ref method, null, null, 0);
                if (canonicalOwner == null || !TypeSignatures.CoversOwner(canonicalOwner, owner)) continue;
                method.GetUnsigned();
                if (method.GetUnsigned() != (uint)argCount) continue;
                bool covers = true;
                for (int i = 0; i < argCount; i++)
                {
                    MethodTable* canonical = TypeSignatures.Resolve(ref method, null, null, 0);
                    if (canonical == null || !TypeSignatures.CoversArgument(canonical, args[i])) covers = false;
                }
                if (!covers) continue;
                if (code != 0 && code != candidate) { error = "the owning type has two generic methods sharing code over these type arguments"; return 0; }
                if (owner->IsValueType && (flags & IsUnboxingStub) == 0) { error = "shared code of a struct's generic method needs an unboxing stub"; return 0; }
                code = candidate;
                layout = bag;
            }
            if (code == 0) return 0;
            void** dictionary = BuildDictionary(layout, owner, args, argCount, ref error);
            if (error != null) return 0;
            nint* fat = (nint*)KernelImports.Alloc((nuint)(2 * sizeof(nint)));
            fat[0] = code;
            fat[1] = (nint)dictionary;
            return (nint)fat + FatPointerTag;
        }

        // A layout bag holds (kind, value) pairs up to kind 0; the dictionary layout's value is a
        // relative offset to a sequence of cells, each a fixup kind and its signature.
        private static void** BuildDictionary(byte* bagStart, MethodTable* owner, MethodTable** args, int argCount, ref string error)
        {
            var bag = new NativeParser(bagStart);
            NativeParser cells = default;
            uint count = 0;
            for (uint kind; (kind = bag.GetUnsigned()) != 0;)
            {
                if (kind != DictionaryLayoutBagKind) { bag.GetUnsigned(); continue; }
                cells = bag.GetRelative();
                count = cells.GetUnsigned();
            }
            // Canonical code never reads a dictionary with no cells, but callers still pass one.
            void** dictionary = (void**)KernelImports.Alloc((nuint)((count == 0 ? 1 : count) * (uint)sizeof(nint)));
            for (uint i = 0; i < count; i++)
            {
                uint cellKind = cells.GetUnsigned();
                MethodTable* type = cellKind == TypeHandleCell ? TypeSignatures.Resolve(ref cells, owner, args, argCount) : null;
                if (type == null)
                {
                    error = cellKind == TypeHandleCell
                        ? "its shared code needs a type the image does not have (ilc leaves types that only shared code reached through generic virtual methods uses to a run-time type loader, which the kernel does not have)"
                        : "its shared code needs a generic dictionary entry of kind " + cellKind.ToString();
                    return null;
                }
                dictionary[i] = type;
            }
            return dictionary;
        }
    }
}
