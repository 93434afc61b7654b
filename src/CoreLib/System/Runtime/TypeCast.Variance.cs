using Internal.Runtime;

namespace System.Runtime
{
    // Generic variance: an instantiation of a variant interface or delegate stands for another
    // instantiation of the same definition when each type argument is identical, or converts by
    // reference in the direction its parameter allows (`out T`: to the target's argument; `in T`:
    // from it). Value-type arguments must be identical: variance never boxes.
    internal static unsafe partial class TypeCast
    {
        internal static bool IsVariantCompatible(MethodTable* source, MethodTable* target)
        {
            if (!target->HasGenericVariance || !target->IsGeneric || !source->IsGeneric) return false;
            MethodTable* definition = target->GenericDefinition;
            if (source->GenericDefinition != definition) return false;
            GenericVariance* variance = definition->GenericVarianceOfParameters;
            int arity = target->GenericArity;
            for (int i = 0; i < arity; i++)
            {
                MethodTable* from = source->GenericArgument(i), to = target->GenericArgument(i);
                if (from == to) continue;
                switch (variance[i])
                {
                    case GenericVariance.Covariant:
                    case GenericVariance.ArrayCovariant:
                        if (!IsReferenceAssignable(from, to)) return false;
                        break;
                    case GenericVariance.Contravariant:
                        if (!IsReferenceAssignable(to, from)) return false;
                        break;
                    default:
                        return false;
                }
            }
            return true;
        }

        /// <summary>Does `type` (or a base) implement an interface that is variance-compatible with `iface`?</summary>
        private static bool ImplementsVariantInterface(MethodTable* type, MethodTable* iface)
        {
            if (!iface->HasGenericVariance) return false;
            if (type->IsInterface) return IsVariantCompatible(type, iface) || AnyVariantCompatible(type, iface);
            for (MethodTable* t = type; t != null; t = t->BaseType)
                if (AnyVariantCompatible(t, iface)) return true;
            return false;
        }

        private static bool AnyVariantCompatible(MethodTable* type, MethodTable* iface)
        {
            MethodTable** map = type->InterfaceMap;
            for (int i = 0; i < type->NumInterfaces; i++)
                if (IsVariantCompatible(map[i], iface)) return true;
            return false;
        }

        private static bool IsReferenceAssignable(MethodTable* from, MethodTable* to) =>
            !from->IsValueType && !to->IsValueType && AreTypesAssignable(from, to);
    }
}
