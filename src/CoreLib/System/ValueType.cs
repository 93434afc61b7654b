using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>
    /// Base of every struct. Equals and GetHashCode of a struct that does not override them compare
    /// its fields, as in .NET: byte for byte when ilc found that safe (no references, no floating
    /// point, no fields with their own Equals, no padding), otherwise field by field through the
    /// `__GetFieldHelper` override ilc writes into such a struct.
    /// </summary>
    public abstract unsafe class ValueType
    {
        private const int GetNumFields = -1;

        public override string ToString() => "struct";

        // The contract with ilc (its ValueTypeGetFieldHelperMethodOverride): asked for GetNumFields,
        // an override returns the number of instance fields; asked for field i, its offset in the
        // value and, in mt, its type (the underlying type for an enum, Object for any reference).
        // Structs without an override compare as raw bytes: this returns minus their size.
        internal virtual int __GetFieldHelper(int index, out MethodTable* mt)
        {
            mt = null;
            return -(int)this.GetMethodTable()->ValueTypeSize;
        }

        public override bool Equals(object obj)
        {
            if (obj == null || obj.GetMethodTable() != this.GetMethodTable()) return false;
            byte* self = (byte*)Unsafe.AsPointer(ref this.GetRawData());
            byte* other = (byte*)Unsafe.AsPointer(ref obj.GetRawData());
            int numFields = __GetFieldHelper(GetNumFields, out _);
            if (numFields < 0) return BytesEqual(self, other, (nuint)(-numFields));
            for (int i = 0; i < numFields; i++)
            {
                int offset = __GetFieldHelper(i, out MethodTable* fieldType);
                if (!FieldEquals(fieldType, self + offset, other + offset)) return false;
            }
            return true;
        }

        public override int GetHashCode()
        {
            // Equal values must hash alike: the bytes, or (as .NET) the first field that is not null.
            int hash = (int)(nint)this.GetMethodTable();
            byte* data = (byte*)Unsafe.AsPointer(ref this.GetRawData());
            int numFields = __GetFieldHelper(GetNumFields, out _);
            if (numFields < 0) return Mix(hash, BytesHash(data, (nuint)(-numFields)));
            for (int i = 0; i < numFields; i++)
            {
                int offset = __GetFieldHelper(i, out MethodTable* fieldType);
                if (FieldHash(fieldType, data + offset, out int fieldHash)) return Mix(hash, fieldHash);
            }
            return hash;
        }

        // Primitive fields compare without boxing (lookups in a Dictionary must not allocate);
        // floating point as .NET's Equals does (NaN equals NaN, 0 equals -0).
        private static bool FieldEquals(MethodTable* type, byte* a, byte* b)
        {
            switch (type->ElementType)
            {
                case ElementType.Single: return (*(float*)a).Equals(*(float*)b);
                case ElementType.Double: return (*(double*)a).Equals(*(double*)b);
                case ElementType.Class: case ElementType.Interface: case ElementType.SzArray: case ElementType.Array:
                    return Equals(Unsafe.AsRef<object>(a), Unsafe.AsRef<object>(b));
            }
            if (type->IsPrimitive) return BytesEqual(a, b, type->ValueTypeSize);
            // A struct field: its own Equals, on boxed copies.
            object x = RuntimeExports.RhBox(type, ref *a);
            return x == null ? RuntimeExports.RhBox(type, ref *b) == null : x.Equals(RuntimeExports.RhBox(type, ref *b));
        }

        private static bool FieldHash(MethodTable* type, byte* data, out int hash)
        {
            switch (type->ElementType)
            {
                case ElementType.Single: hash = (*(float*)data).GetHashCode(); return true;
                case ElementType.Double: hash = (*(double*)data).GetHashCode(); return true;
                case ElementType.Class: case ElementType.Interface: case ElementType.SzArray: case ElementType.Array:
                    object o = Unsafe.AsRef<object>(data);
                    hash = o == null ? 0 : o.GetHashCode();
                    return o != null;
            }
            if (type->IsPrimitive) { hash = BytesHash(data, type->ValueTypeSize); return true; }
            object boxed = RuntimeExports.RhBox(type, ref *data);   // null: an empty Nullable
            hash = boxed == null ? 0 : boxed.GetHashCode();
            return boxed != null;
        }

        private static bool BytesEqual(byte* a, byte* b, nuint length)
        {
            nuint i = 0;
            for (; i + 8 <= length; i += 8)
                if (*(ulong*)(a + i) != *(ulong*)(b + i)) return false;
            for (; i < length; i++)
                if (a[i] != b[i]) return false;
            return true;
        }

        // FNV-1a over the bytes.
        private static int BytesHash(byte* data, nuint length)
        {
            uint h = 2166136261;
            for (nuint i = 0; i < length; i++) h = (h ^ data[i]) * 16777619;
            return (int)h;
        }

        private static int Mix(int a, int b) => (int)(((uint)a * 0x9E3779B1) ^ (uint)b);
    }
}
