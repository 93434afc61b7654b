using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Casting helpers that ilc binds `is`, `as`, casts and covariant array stores to (by name).
    /// Exact type identity is MethodTable identity: ilc emits one MethodTable per type.
    /// </summary>
    internal static unsafe partial class TypeCast
    {
        public static object IsInstanceOfClass(MethodTable* targetType, object obj)
        {
            if (obj == null) return null;
            for (MethodTable* t = obj.GetMethodTable(); t != null; t = t->BaseType)
                if (t == targetType) return obj;
            // A variant delegate (Func<object> from a Func<string>).
            return IsVariantCompatible(obj.GetMethodTable(), targetType) ? obj : null;
        }

        public static object IsInstanceOfInterface(MethodTable* targetType, object obj)
        {
            if (obj == null) return null;
            return ImplementsInterface(obj.GetMethodTable(), targetType) ? obj : null;
        }

        public static object IsInstanceOfAny(MethodTable* targetType, object obj)
        {
            if (obj == null) return null;
            return AreTypesAssignable(obj.GetMethodTable(), targetType) ? obj : null;
        }

        public static object IsInstanceOfException(MethodTable* targetType, object obj) => IsInstanceOfClass(targetType, obj);

        public static object CheckCastClass(MethodTable* targetType, object obj)
        {
            if (obj == null || obj.GetMethodTable() == targetType) return obj;
            return CheckCastClassSpecial(targetType, obj);
        }

        public static object CheckCastClassSpecial(MethodTable* targetType, object obj)
        {
            if (IsInstanceOfClass(targetType, obj) == null) ThrowInvalidCast(obj.GetMethodTable(), targetType);
            return obj;
        }

        public static object CheckCastInterface(MethodTable* targetType, object obj)
        {
            if (obj == null) return null;
            if (!ImplementsInterface(obj.GetMethodTable(), targetType)) ThrowInvalidCast(obj.GetMethodTable(), targetType);
            return obj;
        }

        public static object CheckCastAny(MethodTable* targetType, object obj)
        {
            if (obj == null) return null;
            if (!AreTypesAssignable(obj.GetMethodTable(), targetType)) ThrowInvalidCast(obj.GetMethodTable(), targetType);
            return obj;
        }

        /// <summary>Covariant store into a reference-type array: the element must fit the array's element type.</summary>
        public static void StelemRef(object[] array, nint index, object obj)
        {
            if (array == null) ThrowHelpers.ThrowNullReferenceException();
            if ((nuint)index >= (nuint)array.Length) ThrowHelpers.ThrowIndexOutOfRangeException();
            ref object element = ref Unsafe.As<byte, object>(ref Unsafe.Add(ref array.GetArrayData(), index * sizeof(nint)));
            if (obj != null)
            {
                MethodTable* elementType = array.GetMethodTable()->ElementTypeHandle;
                if (obj.GetMethodTable() != elementType && !AreTypesAssignable(obj.GetMethodTable(), elementType))
                    ThrowHelpers.ThrowArrayTypeMismatchException();
            }
            *(nint*)Unsafe.AsPointer(ref element) = Unsafe.As<object, nint>(ref obj);
        }

        public static ref object LdelemaRef(object[] array, nint index, MethodTable* elementType)
        {
            if (array == null) ThrowHelpers.ThrowNullReferenceException();
            if ((nuint)index >= (nuint)array.Length) ThrowHelpers.ThrowIndexOutOfRangeException();
            if (array.GetMethodTable()->ElementTypeHandle != elementType) ThrowHelpers.ThrowArrayTypeMismatchException();
            return ref Unsafe.As<byte, object>(ref Unsafe.Add(ref array.GetArrayData(), index * sizeof(nint)));
        }

        internal static bool ImplementsInterface(MethodTable* type, MethodTable* iface)
        {
            for (MethodTable* t = type; t != null; t = t->BaseType)
            {
                MethodTable** map = t->InterfaceMap;
                for (int i = 0; i < t->NumInterfaces; i++)
                    if (map[i] == iface) return true;
                if (t == type && t->IsInterface) break;
            }
            return ImplementsVariantInterface(type, iface);
        }

        /// <summary>Is a value of type `source` assignable to a location of type `target`?</summary>
        internal static bool AreTypesAssignable(MethodTable* source, MethodTable* target)
        {
            if (source == target) return true;
            if (target->IsInterface) return ImplementsInterface(source, target);
            if (source->IsArray && target->IsArray)
            {
                if (source->ElementType != target->ElementType) return false;
                MethodTable* se = source->ElementTypeHandle, te = target->ElementTypeHandle;
                // Array covariance holds for reference-type elements only.
                if (se == te) return true;
                if (se->IsValueType || te->IsValueType) return false;
                return AreTypesAssignable(se, te);
            }
            for (MethodTable* t = source->BaseType; t != null; t = t->BaseType)
                if (t == target) return true;
            return IsVariantCompatible(source, target);
        }

        // ilc emits one MethodTable per type, so equivalent types are identical ones.
        public static bool AreTypesEquivalent(MethodTable* a, MethodTable* b) => a == b;

        private static void ThrowInvalidCast(MethodTable* from, MethodTable* to) => ThrowHelpers.ThrowInvalidCastException();
    }
}
