using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>
    /// A map kept in key order. Stored as two parallel sorted arrays: lookup is a binary search
    /// (O(log n)) and enumeration is a linear walk without allocation; insert and remove shift the
    /// tail (O(n)), unlike .NET's red-black tree — fine for the small maps kernel code keeps.
    /// </summary>
    public class SortedDictionary<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IReadOnlyCollection<KeyValuePair<TKey, TValue>>
    {
        private TKey[] _keys = new TKey[4];
        private TValue[] _values = new TValue[4];
        private int _count;
        private readonly IComparer<TKey> _comparer;

        public SortedDictionary() : this(null) { }
        public SortedDictionary(IComparer<TKey> comparer) { _comparer = comparer ?? Comparer<TKey>.Default; }

        public int Count => _count;

        public TValue this[TKey key]
        {
            get
            {
                int i = Find(key);
                if (i < 0) ThrowHelpers.ThrowKeyNotFoundException();
                return _values[i];
            }
            set
            {
                int i = Find(key);
                if (i >= 0) _values[i] = value; else InsertAt(~i, key, value);
            }
        }

        public void Add(TKey key, TValue value)
        {
            int i = Find(key);
            if (i >= 0) ThrowHelpers.ThrowArgumentException("An item with the same key has already been added.");
            InsertAt(~i, key, value);
        }

        public bool TryAdd(TKey key, TValue value)
        {
            int i = Find(key);
            if (i >= 0) return false;
            InsertAt(~i, key, value);
            return true;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = Find(key);
            value = i >= 0 ? _values[i] : default;
            return i >= 0;
        }

        public bool ContainsKey(TKey key) => Find(key) >= 0;

        public bool Remove(TKey key)
        {
            int i = Find(key);
            if (i < 0) return false;
            _count--;
            Array.Copy(_keys, i + 1, _keys, i, _count - i);
            Array.Copy(_values, i + 1, _values, i, _count - i);
            _keys[_count] = default;
            _values[_count] = default;
            return true;
        }

        public void Clear()
        {
            Array.Clear(_keys, 0, _count);
            Array.Clear(_values, 0, _count);
            _count = 0;
        }

        private int Find(TKey key)
        {
            if (key == null) ThrowHelpers.ThrowArgumentNullException("key");
            return Array.BinarySearch(_keys, 0, _count, key, _comparer);
        }

        private void InsertAt(int i, TKey key, TValue value)
        {
            if (_count == _keys.Length)
            {
                Array.Resize(ref _keys, _count * 2);
                Array.Resize(ref _values, _count * 2);
            }
            Array.Copy(_keys, i, _keys, i + 1, _count - i);
            Array.Copy(_values, i, _values, i + 1, _count - i);
            _keys[i] = key;
            _values[i] = value;
            _count++;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly SortedDictionary<TKey, TValue> _map;
            private int _index;
            internal Enumerator(SortedDictionary<TKey, TValue> map) { _map = map; _index = -1; }
            public bool MoveNext() => ++_index < _map._count;
            public KeyValuePair<TKey, TValue> Current => new KeyValuePair<TKey, TValue>(_map._keys[_index], _map._values[_index]);
            object IEnumerator.Current => Current;
            public void Reset() => _index = -1;
            public void Dispose() { }
        }
    }
}
