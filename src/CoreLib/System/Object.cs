using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>Root of the type hierarchy. Its one field is the MethodTable pointer every object starts with.</summary>
    public unsafe class Object
    {
#pragma warning disable 169, 649
        // ilc lays out every object as [MethodTable*][fields...]; this field is that header (ilc
        // finds it by this name for shared-generic code on boxed structs).
        internal MethodTable* m_pEEType;
#pragma warning restore 169, 649

        public Object() { }

        public virtual string ToString() => "object";

        public virtual bool Equals(object obj) => ReferenceEquals(this, obj);

        // Objects never move (no compacting GC), so the address is a stable identity hash.
        public virtual int GetHashCode() => GetHashCodeByAddress();

        internal int GetHashCodeByAddress()
        {
            object self = this;
            ulong p = (ulong)Unsafe.As<object, nint>(ref self);
            return (int)(p ^ (p >> 32)) & 0x7FFFFFFF;
        }

        public static bool ReferenceEquals(object a, object b) => a == b;

        public static bool Equals(object a, object b)
        {
            if (a == b) return true;
            if (a == null || b == null) return false;
            return a.Equals(b);
        }

        internal MethodTable* GetMethodTable() => m_pEEType;

        /// <summary>The first byte after the header: a boxed value's payload, an array's length.</summary>
        internal ref byte GetRawData() => ref Unsafe.As<RawData>(this).Data;
    }

}

namespace System.Runtime.CompilerServices
{
    // A view of any object as "header, then bytes": the field sits right after the MethodTable
    // pointer. ilc also uses it (by this name) to reach a boxed value's payload.
    internal sealed class RawData
    {
        public byte Data;
    }
}
