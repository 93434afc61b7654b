using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>A growable array. Its searching, sorting and bulk members are in List.Searching.cs.</summary>
    public partial class List<T> : IList<T>, IReadOnlyList<T>
    {
        private T[] _items;
        private int _size;
        // Bumped by every change of contents, so that an enumerator can refuse to go on over a
        // list changed under it (as .NET's does) instead of returning stale or skipped items.
        private int _version;

        public List() { _items = Array.Empty<T>(); }

        public List(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("capacity");
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public List(IEnumerable<T> collection)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNullException("collection");
            _items = Array.Empty<T>();
            AddRange(collection);
        }

        public int Count => _size;

        bool ICollection<T>.IsReadOnly => false;

        public int Capacity
        {
            get => _items.Length;
            set
            {
                if (value < _size) ThrowHelpers.ThrowArgumentOutOfRangeException("value");
                if (value == _items.Length) return;
                T[] items = value == 0 ? Array.Empty<T>() : new T[value];
                Array.Copy(_items, items, _size);
                _items = items;
            }
        }

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
                _items[index] = value;
                _version++;
            }
        }

        public void Add(T item)
        {
            if (_size == _items.Length) Grow(_size + 1);
            _items[_size++] = item;
            _version++;
        }

        public void AddRange(IEnumerable<T> collection) => InsertRange(_size, collection);

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            if (_size == _items.Length) Grow(_size + 1);
            if (index < _size) Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = item;
            _size++;
            _version++;
        }

        public void InsertRange(int index, IEnumerable<T> collection)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNullException("collection");
            if ((uint)index > (uint)_size) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            // Copy first: the collection may be this list, or change as it is read.
            T[] incoming = collection is List<T> list ? list.ToArray() : Buffer(collection);
            int n = incoming.Length;
            if (n == 0) return;
            if (_size + n > _items.Length) Grow(_size + n);
            if (index < _size) Array.Copy(_items, index, _items, index + n, _size - index);
            Array.Copy(incoming, 0, _items, index, n);
            _size += n;
            _version++;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            _size--;
            if (index < _size) Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = default;
            _version++;
        }

        public void RemoveRange(int index, int count)
        {
            CheckRange(index, count);
            if (count == 0) return;
            _size -= count;
            if (index < _size) Array.Copy(_items, index + count, _items, index, _size - index);
            for (int i = _size; i < _size + count; i++) _items[i] = default;
            _version++;
        }

        public bool Remove(T item)
        {
            int i = IndexOf(item);
            if (i < 0) return false;
            RemoveAt(i);
            return true;
        }

        public void Clear()
        {
            for (int i = 0; i < _size; i++) _items[i] = default;
            _size = 0;
            _version++;
        }

        public T[] ToArray()
        {
            T[] a = new T[_size];
            Array.Copy(_items, a, _size);
            return a;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNullException("array");
            if (arrayIndex < 0 || array.Length - arrayIndex < _size) ThrowHelpers.ThrowArgumentException("Destination array is not long enough.");
            Array.Copy(_items, 0, array, arrayIndex, _size);
        }

        public void TrimExcess()
        {
            if (_size < (int)(_items.Length * 0.9)) Capacity = _size;
        }

        public ReadOnlySpan<T> AsSpan() => new ReadOnlySpan<T>(_items, 0, _size);

        private void CheckRange(int index, int count)
        {
            if (index < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("count");
            if (_size - index < count) ThrowHelpers.ThrowArgumentException("Offset and length were out of bounds for the list.");
        }

        private static T[] Buffer(IEnumerable<T> collection)
        {
            var buffer = new List<T>();
            foreach (T item in collection) buffer.Add(item);
            return buffer.ToArray();
        }

        private void Grow(int min)
        {
            int n = _items.Length == 0 ? 4 : _items.Length * 2;
            if (n < min) n = min;
            Capacity = n;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private readonly int _version;
            private int _index;
            internal Enumerator(List<T> list) { _list = list; _version = list._version; _index = -1; }

            public bool MoveNext()
            {
                if (_version != _list._version) ThrowHelpers.ThrowInvalidOperationException("Collection was modified; enumeration operation may not execute.");
                return ++_index < _list._size;
            }

            public T Current => _list._items[_index];
            object IEnumerator.Current => Current;
            public void Reset() => _index = -1;
            public void Dispose() { }
        }
    }
}
