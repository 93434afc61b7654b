namespace Internal.Runtime.TypeLoader
{
    /// <summary>
    /// Compares NativeLayout type signatures with MethodTables. A signature is an integer whose
    /// low four bits give its kind and the rest its data: an external type (an index into the
    /// native references), a type variable of the enclosing type or method (data: index·2, +1 for
    /// a method variable), an instantiation (data: argument count; then the definition and the
    /// arguments), a one-dimensional array (a modifier, then the element), or a look-back to an
    /// earlier signature. A type built from others is one the image already has: the lists of
    /// array types and generic instantiations ilc compiled are searched, as nothing can be made
    /// at run time. Other kinds (pointers, byrefs, multi-dimensional arrays, function pointers)
    /// resolve to null, which makes the caller report the call as unsupported rather than guess.
    /// </summary>
    internal static unsafe class TypeSignatures
    {
        private const uint Lookback = 1, Modifier = 2, Instantiation = 3, Variable = 4, External = 6;
        private const uint ArrayModifier = 1;
        private const int MaxArguments = 8;

        /// <summary>The type a signature names in a context, or null when it is not one of the kinds above.</summary>
        public static MethodTable* Resolve(ref NativeParser sig, MethodTable* typeContext, MethodTable** methodArguments, int methodArgumentCount)
        {
            byte* start = sig.Position;
            uint value = sig.GetUnsigned();
            uint kind = value & 0xF, data = value >> 4;
            switch (kind)
            {
                case External:
                    return (MethodTable*)ModuleTables.NativeReference(data);
                case Variable:
                {
                    int index = (int)(data >> 1);
                    if ((data & 1) != 0) return index < methodArgumentCount ? methodArguments[index] : null;
                    if (typeContext == null || !typeContext->IsGeneric || index >= typeContext->GenericArity) return null;
                    return typeContext->GenericArgument(index);
                }
                case Lookback:
                {
                    var earlier = new NativeParser(start - data);
                    return Resolve(ref earlier, typeContext, methodArguments, methodArgumentCount);
                }
                case Modifier:
                {
                    MethodTable* element = Resolve(ref sig, typeContext, methodArguments, methodArgumentCount);
                    return data == ArrayModifier && element != null ? ArrayOf(element) : null;
                }
                case Instantiation:
                {
                    MethodTable* definition = Resolve(ref sig, typeContext, methodArguments, methodArgumentCount);
                    MethodTable** args = stackalloc MethodTable*[MaxArguments];
                    bool known = definition != null && data <= MaxArguments;
                    for (uint i = 0; i < data; i++)
                    {
                        MethodTable* arg = Resolve(ref sig, typeContext, methodArguments, methodArgumentCount);
                        if (arg == null || i >= MaxArguments) known = false;
                        else args[i] = arg;
                    }
                    return known ? InstantiationOf(definition, args, (int)data) : null;
                }
                default:
                    return null;
            }
        }

        // The array map lists every array type's MethodTable (through the common fixups).
        private static MethodTable* ArrayOf(MethodTable* element)
        {
            var entries = new NativeHashtableEntries(ModuleTables.ArrayTypes);
            while (entries.Next(out NativeParser e))
            {
                MethodTable* array = ModuleTables.FixupType(e.GetUnsigned());
                if (array->IsSzArray && array->ElementTypeHandle == element) return array;
            }
            return null;
        }

        // The generics table lists every generic instantiation's MethodTable (through the native references).
        private static MethodTable* InstantiationOf(MethodTable* definition, MethodTable** args, int count)
        {
            var entries = new NativeHashtableEntries(ModuleTables.GenericTypes);
            while (entries.Next(out NativeParser e))
            {
                var type = (MethodTable*)ModuleTables.NativeReference(e.GetUnsigned());
                if (type->GenericDefinition != definition || type->GenericArity != count) continue;
                int i = 0;
                while (i < count && type->GenericArgument(i) == args[i]) i++;
                if (i == count) return type;
            }
            return null;
        }

        /// <summary>Whether a signature, read in a context, names exactly <paramref name="type"/> (never a null type); moves past it.</summary>
        public static bool Matches(ref NativeParser sig, MethodTable* type, MethodTable* typeContext)
        {
            var peek = sig;
            uint value = peek.GetUnsigned();
            if ((value & 0xF) != Instantiation)
                return type != null && Resolve(ref sig, typeContext, null, 0) == type;
            sig = peek;
            int count = (int)(value >> 4);
            MethodTable* definition = type != null && type->IsGeneric ? type->GenericDefinition : null;
            bool same = Matches(ref sig, definition, typeContext) && definition != null && type->GenericArity == count;
            for (int i = 0; i < count; i++)
                if (!Matches(ref sig, same ? type->GenericArgument(i) : null, typeContext)) same = false;
            return same;
        }

        /// <summary>
        /// Whether a canonical form (a template's type, where every reference type became
        /// System.__Canon) covers an exact type: equal, or both reference types, or the same
        /// generic value type over covering arguments.
        /// </summary>
        public static bool CoversArgument(MethodTable* canonical, MethodTable* exact)
        {
            if (canonical == exact) return true;
            if (!canonical->IsValueType) return !exact->IsValueType;
            return SameDefinitionWithCoveredArguments(canonical, exact);
        }

        /// <summary>The same for a template's owning type, which is itself never __Canon.</summary>
        public static bool CoversOwner(MethodTable* canonical, MethodTable* exact) =>
            canonical == exact || SameDefinitionWithCoveredArguments(canonical, exact);

        private static bool SameDefinitionWithCoveredArguments(MethodTable* canonical, MethodTable* exact)
        {
            if (!canonical->IsGeneric || !exact->IsGeneric || canonical->GenericDefinition != exact->GenericDefinition)
                return false;
            for (int i = 0; i < exact->GenericArity; i++)
                if (!CoversArgument(canonical->GenericArgument(i), exact->GenericArgument(i))) return false;
            return true;
        }

        /// <summary>A generic instantiation's definition, or the type itself.</summary>
        public static MethodTable* Definition(MethodTable* type) => type->IsGeneric ? type->GenericDefinition : type;
    }
}
