using System;

namespace Internal.Runtime.TypeLoader
{
    /// <summary>
    /// Finds the code a generic virtual method call runs for an object, from ilc's generic
    /// virtual method tables. The class table lists (slot's declaring type, type that
    /// implements it) pairs, both as generic definitions: the implementation is on the most
    /// derived type of the object's chain that the table pairs with the declaring type. The
    /// interface table lists, per interface method, the implementing methods' owners and the
    /// types (and which of their interfaces, as signatures over the type's own type parameters)
    /// they implement it for; a default interface method's owner is an interface.
    ///
    /// ilc only names methods in these tables through reflection metadata, which it does not
    /// generate for a core library other than .NET's, so every entry's name and signature is
    /// blank: a slot is known by its declaring type alone. That is exact while each type has at
    /// most one generic virtual method (declared, overriding or implementing one), the rule
    /// docs/corelib.md states and the compiler enforces (NACRE007); where the tables still show
    /// two candidates the call fails with a panic rather than pick one.
    /// </summary>
    internal static unsafe class GenericVirtualMethodResolver
    {
        private const uint DiamondEntry = 0xFFFFFFFF, ReabstractionEntry = 0xFFFFFFFE;

        /// <summary>What a RuntimeMethodHandle of a generic virtual method instantiation points at.</summary>
        private struct MethodHandleInfo
        {
            public MethodTable* DeclaringType;
            public int MetadataHandle;
            public int ArgumentCount;
        }

        public static nint Resolve(MethodTable* objectType, nint handle)
        {
            var info = (MethodHandleInfo*)handle;
            var args = (MethodTable**)(info + 1);
            MethodTable* declaring = info->DeclaringType;
            string error = null;
            MethodTable* owner;
            if (declaring->IsInterface)
            {
                owner = ImplementationOfInterfaceMethod(objectType, declaring, ref error);
                // A class's implementing method may be virtual and overridden further down.
                MethodTable* overriding = owner != null && !owner->IsInterface ? MostDerivedOverride(objectType, owner) : null;
                if (overriding != null) owner = overriding;
            }
            else
            {
                owner = MostDerivedOverride(objectType, declaring);
            }
            if (owner == null) Fail(error ?? "no implementation in the generic virtual method tables", declaring, objectType, info->ArgumentCount);
            nint code = GenericMethodCode.Find(owner, args, info->ArgumentCount, out error);
            if (code == 0) Fail(error ?? "ilc compiled no code for this instantiation", declaring, objectType, info->ArgumentCount);
            return code;
        }

        /// <summary>The first type from the object's type up whose override of the declaring type's slot the table lists.</summary>
        private static MethodTable* MostDerivedOverride(MethodTable* objectType, MethodTable* declaring)
        {
            MethodTable* slotType = TypeSignatures.Definition(declaring);
            for (MethodTable* type = objectType; type != null; type = type->BaseType)
            {
                MethodTable* definition = TypeSignatures.Definition(type);
                var entries = new NativeHashtableEntries(ModuleTables.GenericVirtualMethods);
                while (entries.Next(out NativeParser e))
                    if (ModuleTables.FixupType(e.GetUnsigned()) == slotType && ModuleTables.FixupType(e.GetUnsigned()) == definition)
                        return type;
            }
            return null;
        }

        /// <summary>The owner (a class of the object's chain, or an interface for a default method) of the method implementing an interface's slot.</summary>
        private static MethodTable* ImplementationOfInterfaceMethod(MethodTable* objectType, MethodTable* iface, ref string error)
        {
            // As .NET: each type from the object's up, first for the very interface, then for a
            // variant-compatible instantiation (an IProducer<string> called as IProducer<object>);
            // default methods only when no class implements the method.
            MethodTable* defaultOwner = null;
            for (MethodTable* type = objectType; type != null; type = type->BaseType)
            {
                MethodTable* owner = ImplementationOnType(objectType, type, iface, false, ref defaultOwner, ref error);
                if (owner == null && error == null && iface->HasGenericVariance)
                    owner = ImplementationOnType(objectType, type, iface, true, ref defaultOwner, ref error);
                if (owner != null || error != null) return owner;
            }
            return defaultOwner;
        }

        // Entries: (interface, name-and-signature, implementation count, then per implementation:
        // its name-and-signature or a diamond/re-abstraction marker, its owner, the number of
        // implementing types, and per type: the type, and the signatures of its interfaces the
        // method implements).
        private static MethodTable* ImplementationOnType(MethodTable* objectType, MethodTable* type, MethodTable* iface, bool variant,
            ref MethodTable* defaultOwner, ref string error)
        {
            MethodTable* slotType = TypeSignatures.Definition(iface);
            MethodTable* definition = TypeSignatures.Definition(type);
            var entries = new NativeHashtableEntries(ModuleTables.InterfaceGenericVirtualMethods);
            while (entries.Next(out NativeParser e))
            {
                if (ModuleTables.FixupType(e.GetUnsigned()) != slotType) continue;
                e.GetUnsigned();
                for (uint impls = e.GetUnsigned(); impls > 0; impls--)
                {
                    uint method = e.GetUnsigned();
                    MethodTable* implOwner = method == DiamondEntry || method == ReabstractionEntry ? null : ModuleTables.FixupType(e.GetUnsigned());
                    for (uint types = e.GetUnsigned(); types > 0; types--)
                    {
                        MethodTable* implementing = ModuleTables.FixupType(e.GetUnsigned());
                        for (uint sigs = e.GetUnsigned(); sigs > 0; sigs--)
                        {
                            var sig = new NativeParser(ModuleTables.NativeLayout + e.GetUnsigned());
                            if (implementing != definition || !Implements(ref sig, type, iface, variant)) continue;
                            if (implOwner == null)
                            {
                                error = method == DiamondEntry ? "ambiguous default implementations (a diamond)" : "the interface method is re-abstracted";
                                return null;
                            }
                            if (implOwner->IsInterface)
                            {
                                if (defaultOwner == null) defaultOwner = DefaultMethodOwner(objectType, iface, implOwner, ref error);
                                continue;
                            }
                            MethodTable* owner = BaseWithDefinition(type, implOwner);
                            if (owner != null) return owner;
                        }
                    }
                }
            }
            return null;
        }

        private static bool Implements(ref NativeParser sig, MethodTable* type, MethodTable* iface, bool variant)
        {
            if (!variant) return TypeSignatures.Matches(ref sig, iface, type);
            MethodTable* implemented = TypeSignatures.Resolve(ref sig, type, null, 0);
            return implemented != null && System.Runtime.TypeCast.IsVariantCompatible(implemented, iface);
        }

        private static MethodTable* BaseWithDefinition(MethodTable* type, MethodTable* definition)
        {
            for (; type != null; type = type->BaseType)
                if (TypeSignatures.Definition(type) == definition) return type;
            return null;
        }

        // A default method's owner is listed as a definition; a generic one is the instantiation
        // the object implements (the called interface itself, or the only one of that definition).
        private static MethodTable* DefaultMethodOwner(MethodTable* objectType, MethodTable* iface, MethodTable* ownerDefinition, ref string error)
        {
            if (!ownerDefinition->IsGenericDefinition) return ownerDefinition;
            if (TypeSignatures.Definition(iface) == ownerDefinition) return iface;
            MethodTable* found = null;
            MethodTable** interfaces = objectType->InterfaceMap;
            for (int i = 0; i < objectType->NumInterfaces; i++)
            {
                if (TypeSignatures.Definition(interfaces[i]) != ownerDefinition) continue;
                if (found != null) { error = "two instantiations of the interface with the default method"; return null; }
                found = interfaces[i];
            }
            return found;
        }

        private static void Fail(string reason, MethodTable* declaring, MethodTable* objectType, int argumentCount)
        {
            Environment.FailFast("generic virtual method call not supported: " + reason
                + " (the method's declaring type is the MethodTable at 0x" + ((ulong)declaring).ToString("x")
                + ", with " + argumentCount.ToString() + " type arguments, called on an object of the MethodTable at 0x"
                + ((ulong)objectType).ToString("x") + ")");
        }
    }
}
