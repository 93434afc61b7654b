using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>A growable array.</summary>
    public class List<T> : IList<T>, IReadOnlyList<T>
    {
        private T[] _items;
        private int _size;

        public List() { _items = Array.Empty<T>(); }

        public List(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("capacity");
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public int Count => _size;
        public int Capacity => _items.Length;

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
            }
        }

        public void Add(T item)
        {
            if (_size == _items.Length) Grow(_size + 1);
            _items[_size++] = item;
        }

        public void AddRange(List<T> other)
        {
            for (int i = 0; i < other._size; i++) Add(other._items[i]);
        }

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            if (_size == _items.Length) Grow(_size + 1);
            for (int i = _size; i > index; i--) _items[i] = _items[i - 1];
            _items[index] = item;
            _size++;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            _size--;
            for (int i = index; i < _size; i++) _items[i] = _items[i + 1];
            _items[_size] = default;
        }

        public bool Remove(T item)
        {
            int i = IndexOf(item);
            if (i < 0) return false;
            RemoveAt(i);
            return true;
        }

        public int IndexOf(T item)
        {
            EqualityComparer<T> eq = EqualityComparer<T>.Default;
            for (int i = 0; i < _size; i++)
                if (eq.Equals(_items[i], item)) return i;
            return -1;
        }

        public bool Contains(T item) => IndexOf(item) >= 0;

        public void Clear()
        {
            for (int i = 0; i < _size; i++) _items[i] = default;
            _size = 0;
        }

        public T[] ToArray()
        {
            T[] a = new T[_size];
            Array.Copy(_items, a, _size);
            return a;
        }

        public void Sort(Comparison<T> comparison) => new Span<T>(_items, 0, _size).Sort(comparison);

        public void ForEach(Action<T> action)
        {
            for (int i = 0; i < _size; i++) action(_items[i]);
        }

        public T Find(Predicate<T> match)
        {
            for (int i = 0; i < _size; i++)
                if (match(_items[i])) return _items[i];
            return default;
        }

        public ReadOnlySpan<T> AsSpan() => new ReadOnlySpan<T>(_items, 0, _size);

        private void Grow(int min)
        {
            int n = _items.Length == 0 ? 4 : _items.Length * 2;
            if (n < min) n = min;
            T[] items = new T[n];
            Array.Copy(_items, items, _size);
            _items = items;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private int _index;
            internal Enumerator(List<T> list) { _list = list; _index = -1; }
            public bool MoveNext() => ++_index < _list._size;
            public T Current => _list._items[_index];
            object IEnumerator.Current => Current;
            public void Reset() => _index = -1;
            public void Dispose() { }
        }
    }
}
