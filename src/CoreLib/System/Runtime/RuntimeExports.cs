using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>
    /// Boxing and unboxing helpers. .NET 10's ilc binds `box`/`unbox` to these methods by name
    /// (System.Runtime.RuntimeExports.RhBox/RhUnbox2/RhUnboxNullable/RhUnboxTypeTest), not to
    /// exported symbols: without this class any boxing in an image fails to compile.
    /// </summary>
    internal static unsafe class RuntimeExports
    {
        public static object RhBox(MethodTable* type, ref byte data)
        {
            // A Nullable<T> boxes as its T, or as null without a value (its first byte is hasValue).
            if (type->IsNullable)
            {
                if (data == 0) return null;
                data = ref Unsafe.Add(ref data, (nint)type->NullableValueOffset);
                type = type->NullableType;
            }
            object o = RuntimeAllocation.NewFast(type);
            Buffer.Memmove(ref o.GetRawData(), ref data, type->ValueTypeSize);
            return o;
        }

        /// <summary>Boxes a value type; a reference type's "data" is already the object reference.</summary>
        public static object RhBoxAny(ref byte data, MethodTable* type) =>
            type->IsValueType ? RhBox(type, ref data) : Unsafe.As<byte, object>(ref data);

        /// <summary>unbox: the address of the boxed payload, after checking obj really is a boxed `type`.</summary>
        public static ref byte RhUnbox2(MethodTable* type, object obj)
        {
            if (obj == null) ThrowHelpers.ThrowNullReferenceException();
            if (!SameBoxedType(obj.GetMethodTable(), type)) ThrowHelpers.ThrowInvalidCastException();
            return ref obj.GetRawData();
        }

        /// <summary>The JIT's out-of-line half of an inlined unbox type check: throws unless the types match.</summary>
        public static void RhUnboxTypeTest(MethodTable* type, MethodTable* boxType)
        {
            if (!SameBoxedType(type, boxType)) ThrowHelpers.ThrowInvalidCastException();
        }

        /// <summary>unbox.any to a Nullable&lt;T&gt;: null gives no value, a boxed T gives that value.</summary>
        public static void RhUnboxNullable(ref byte data, MethodTable* type, object obj)
        {
            if (obj == null)
            {
                SpanHelpers.ClearWithoutReferences(ref data, type->ValueTypeSize);
                return;
            }
            MethodTable* valueType = type->NullableType;
            if (!SameBoxedType(obj.GetMethodTable(), valueType)) ThrowHelpers.ThrowInvalidCastException();
            uint offset = type->NullableValueOffset;
            // Clear first: the padding between hasValue and the value compares in field-wise equality.
            SpanHelpers.ClearWithoutReferences(ref data, offset);
            data = 1;
            Buffer.Memmove(ref Unsafe.Add(ref data, (nint)offset), ref obj.GetRawData(), valueType->ValueTypeSize);
        }

        // An int boxed as an enum with int underlying type (and vice versa) unboxes, as in .NET:
        // primitive element types match by kind, everything else by identity.
        private static bool SameBoxedType(MethodTable* a, MethodTable* b)
        {
            if (a == b) return true;
            ElementType e = a->ElementType;
            return e == b->ElementType && e >= ElementType.Boolean && e <= ElementType.UIntPtr;
        }
    }
}
