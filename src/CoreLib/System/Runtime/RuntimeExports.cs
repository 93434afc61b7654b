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
            // Boxing Nullable<T> needs T's MethodTable and the value's offset, which the core
            // library's MethodTable view does not expose yet: refuse rather than box garbage.
            if (type->IsNullable) ThrowHelpers.ThrowNotSupportedException();
            object o = RuntimeAllocation.NewFast(type);
            nuint payload = type->BaseSize - (nuint)(2 * sizeof(nint));
            Buffer.Memmove((byte*)Unsafe.AsPointer(ref o.GetRawData()), (byte*)Unsafe.AsPointer(ref data), payload);
            return o;
        }

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

        public static void RhUnboxNullable(ref byte data, MethodTable* type, object obj)
        {
            // See RhBox: Nullable<T>'s layout is not available to the core library yet.
            ThrowHelpers.ThrowNotSupportedException();
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
