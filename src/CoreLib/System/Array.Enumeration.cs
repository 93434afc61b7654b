using System.Collections;
using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    // Arrays are IEnumerable as in .NET. C# needs it for `foreach` over a multi-dimensional array
    // (it binds such a loop to IEnumerable before lowering it to nested index loops, which is what
    // actually runs); code that enumerates an array through the interface gets boxed elements in
    // row-major order.
    public abstract unsafe partial class Array : IEnumerable
    {
        IEnumerator IEnumerable.GetEnumerator() => new ArrayEnumerator(this);

        /// <summary>Element <paramref name="index"/> in storage (row-major) order, boxed if it is a value.</summary>
        internal object GetElementAsObject(int index)
        {
            MethodTable* type = this.GetMethodTable();
            // Elements follow the header, length and (multi-dimensional) bounds: BaseSize counts
            // those plus the object header word that precedes the MethodTable pointer.
            ref byte element = ref Unsafe.Add(ref this.GetRawData(),
                (nint)(type->BaseSize - (uint)(2 * sizeof(nint))) + (nint)index * (nint)type->ComponentSize);
            MethodTable* elementType = type->ElementTypeHandle;
            return elementType->IsValueType
                ? RuntimeExports.RhBox(elementType, ref element)
                : Unsafe.As<byte, object>(ref element);
        }

        private sealed class ArrayEnumerator : IEnumerator
        {
            private readonly Array _array;
            private int _index = -1;

            public ArrayEnumerator(Array array) => _array = array;

            public bool MoveNext()
            {
                if (_index < _array.Length) _index++;
                return _index < _array.Length;
            }

            public object Current
            {
                get
                {
                    if ((uint)_index >= (uint)_array.Length) ThrowHelpers.ThrowInvalidOperationException("Enumeration has either not started or has already finished.");
                    return _array.GetElementAsObject(_index);
                }
            }

            public void Reset() => _index = -1;
        }
    }
}
