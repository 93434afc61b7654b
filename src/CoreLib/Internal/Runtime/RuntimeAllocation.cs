using System;
using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// The allocation entry points ilc-generated code calls for `new`. Objects are never freed
    /// (there is no garbage collector); memory comes zeroed from the kernel heap.
    /// </summary>
    internal static unsafe class RuntimeAllocation
    {
        [RuntimeExport("RhpNewFast")]
        public static object NewFast(MethodTable* type)
        {
            nuint size = (type->BaseSize + 7u) & ~7u;
            void* p = KernelImports.Alloc(size);
            *(MethodTable**)p = type;
            return Unsafe.As<nint, object>(ref *(nint*)&p);
        }

        [RuntimeExport("RhpNewFinalizable")]
        public static object NewFinalizable(MethodTable* type) => NewFast(type);

        [RuntimeExport("RhpNewArray")]
        public static object NewArray(MethodTable* type, int length)
        {
            if (length < 0) ThrowHelpers.ThrowOverflowException();
            ulong size = type->BaseSize + (ulong)(uint)length * type->ComponentSize;
            if (size > 0x7FFFFFC7UL * 8) ThrowHelpers.ThrowOutOfMemoryException();
            size = (size + 7) & ~7UL;
            void* p = KernelImports.Alloc((nuint)size);
            *(MethodTable**)p = type;
            *(int*)((byte*)p + 8) = length;
            return Unsafe.As<nint, object>(ref *(nint*)&p);
        }

        [RuntimeExport("RhpNewArrayFast")]
        public static object NewArrayFast(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhpNewPtrArrayFast")]
        public static object NewPtrArrayFast(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhpNewArrayFastAlign8")]
        public static object NewArrayFastAlign8(MethodTable* type, int length) => NewArray(type, length);

        [RuntimeExport("RhpNewFastAlign8")]
        public static object NewFastAlign8(MethodTable* type) => NewFast(type);

        [RuntimeExport("RhpNewFastMisalign")]
        public static object NewFastMisalign(MethodTable* type) => NewFast(type);

        [RuntimeExport("RhBox")]
        public static object Box(MethodTable* type, ref byte data)
        {
            object o = NewFast(type);
            nuint payload = type->BaseSize - (nuint)(2 * sizeof(nint));
            Buffer.Memmove((byte*)Unsafe.AsPointer(ref o.GetRawData()), (byte*)Unsafe.AsPointer(ref data), payload);
            return o;
        }

        // No GC, so no card marking: ilc routes every reference store on the heap through these,
        // and they are plain stores. (Written as pointer stores: an object-typed store here would
        // itself compile to a call of this very helper.)
        [RuntimeExport("RhpAssignRef")]
        public static void AssignRef(nint* location, nint value) => *location = value;

        [RuntimeExport("RhpCheckedAssignRef")]
        public static void CheckedAssignRef(nint* location, nint value) => *location = value;
    }
}
