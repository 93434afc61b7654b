using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace System
{
    // The class ilc builds every T[] on: T[] implements the interfaces declared here, with these
    // methods (`this` is the T[] itself), so an array is an IEnumerable<T>, ICollection<T>,
    // IList<T> and IReadOnlyList<T> as in .NET. Arrays have a fixed size: the members that would
    // change it throw NotSupportedException.
    public class Array<T> : Array, IList<T>, IReadOnlyList<T>
    {
        private T[] Items => Unsafe.As<T[]>(this);

        public new IEnumerator<T> GetEnumerator() => new ArrayEnumerator(Items);

        IEnumerator IEnumerable.GetEnumerator() => new ArrayEnumerator(Items);

        public int Count => Items.Length;

        public T this[int index]
        {
            get => Items[index];
            set => Items[index] = value;
        }

        public int IndexOf(T item) => Array.IndexOf(Items, item);

        public bool Contains(T item) => Array.IndexOf(Items, item) >= 0;

        bool ICollection<T>.IsReadOnly => true;     // as .NET: the size is fixed, even though elements can be set

        public void CopyTo(T[] array, int arrayIndex) => Array.Copy(Items, 0, array, arrayIndex, Items.Length);

        public void Add(T item) => ThrowFixedSize();

        public void Clear() => ThrowFixedSize();

        public void Insert(int index, T item) => ThrowFixedSize();

        public bool Remove(T item)
        {
            ThrowFixedSize();
            return false;
        }

        public void RemoveAt(int index) => ThrowFixedSize();

        private static void ThrowFixedSize() => throw new NotSupportedException("Collection was of a fixed size.");

        private sealed class ArrayEnumerator : IEnumerator<T>
        {
            private readonly T[] _array;
            private int _index = -1;

            public ArrayEnumerator(T[] array) => _array = array;

            public bool MoveNext()
            {
                if (_index < _array.Length) _index++;
                return _index < _array.Length;
            }

            public T Current
            {
                get
                {
                    if ((uint)_index >= (uint)_array.Length)
                        ThrowHelpers.ThrowInvalidOperationException("Enumeration has either not started or has already finished.");
                    return _array[_index];
                }
            }

            object IEnumerator.Current => Current;

            public void Reset() => _index = -1;

            public void Dispose() { }
        }
    }
}
