using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>Base of all arrays. Layout fixed by ilc: [MethodTable*][int length][pad][elements...].</summary>
    public abstract unsafe partial class Array
    {
#pragma warning disable 649, 169
        private int _numComponents;
        private int _padding;
#pragma warning restore 649, 169

        public int Length => _numComponents;

        internal ref byte GetArrayData() => ref Unsafe.As<int, byte>(ref Unsafe.Add(ref _numComponents, 2));

        public static void Clear(Array array, int index, int length)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNullException("array");
            if ((uint)index > (uint)array.Length || (uint)length > (uint)(array.Length - index))
                ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            uint size = array.GetMethodTable()->ComponentSize;
            SpanHelpers.ClearWithoutReferences(ref Unsafe.Add(ref array.GetArrayData(), (nint)(index * size)), (nuint)length * size);
        }

        /// <summary>Copies elements between arrays of the same element type (no covariant conversion).</summary>
        public static void Copy(Array source, int sourceIndex, Array destination, int destinationIndex, int length)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            if (destination == null) ThrowHelpers.ThrowArgumentNullException("destination");
            if (source.GetMethodTable() != destination.GetMethodTable())
                ThrowHelpers.ThrowArrayTypeMismatchException();
            if (length < 0 || (uint)sourceIndex > (uint)source.Length || length > source.Length - sourceIndex
                || (uint)destinationIndex > (uint)destination.Length || length > destination.Length - destinationIndex)
                ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            uint size = source.GetMethodTable()->ComponentSize;
            Buffer.Memmove(
                (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref destination.GetArrayData(), (nint)(destinationIndex * size))),
                (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref source.GetArrayData(), (nint)(sourceIndex * size))),
                (nuint)length * size);
        }

        public static void Copy(Array source, Array destination, int length) => Copy(source, 0, destination, 0, length);

        public static void Resize<T>(ref T[] array, int newSize)
        {
            if (newSize < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("newSize");
            T[] old = array;
            if (old == null) { array = new T[newSize]; return; }
            if (old.Length == newSize) return;
            T[] n = new T[newSize];
            Copy(old, 0, n, 0, old.Length < newSize ? old.Length : newSize);
            array = n;
        }

        public static T[] Empty<T>() => EmptyArray<T>.Value;

        public static int IndexOf<T>(T[] array, T value) => IndexOf(array, value, 0, ArrayLength(array));

        /// <summary>A shallow copy: same type, same bounds, the same elements (references are shared).</summary>
        public object Clone()
        {
            MethodTable* type = this.GetMethodTable();
            nuint size = (nuint)((type->BaseSize + (ulong)(uint)Length * type->ComponentSize + 7) & ~7UL);
            void* copy = KernelImports.Alloc(size);
            object self = this;
            Buffer.Memmove((byte*)copy, *(byte**)Unsafe.AsPointer(ref self), size);
            return Unsafe.As<nint, object>(ref *(nint*)&copy);
        }
    }


    internal static class EmptyArray<T>
    {
        internal static readonly T[] Value = new T[0];
    }
}
