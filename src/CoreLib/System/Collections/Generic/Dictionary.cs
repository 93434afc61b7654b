using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>A hash map with separate chaining through an entries array (the .NET layout).</summary>
    public partial class Dictionary<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IReadOnlyDictionary<TKey, TValue>
    {
        private struct Entry
        {
            public int HashCode;
            public int Next;     // index of the next entry in the chain, -1 at its end
            public TKey Key;
            public TValue Value;
        }

        private int[] _buckets;  // 1-based index into _entries, 0 = empty
        private Entry[] _entries;
        private int _count;
        private int _freeList = -1;
        private int _freeCount;
        private readonly IEqualityComparer<TKey> _comparer;

        public Dictionary() : this(0) { }

        public Dictionary(int capacity) : this(capacity, null) { }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("capacity");
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
            Initialize(capacity < 4 ? 4 : capacity);
        }

        public int Count => _count - _freeCount;

        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i < 0) ThrowHelpers.ThrowKeyNotFoundException();
                return _entries[i].Value;
            }
            set => Insert(key, value, overwrite: true);
        }

        public void Add(TKey key, TValue value)
        {
            if (!Insert(key, value, overwrite: false))
                ThrowHelpers.ThrowArgumentException("An item with the same key has already been added.");
        }

        public bool TryAdd(TKey key, TValue value) => Insert(key, value, overwrite: false);

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0) { value = _entries[i].Value; return true; }
            value = default;
            return false;
        }

        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        public bool Remove(TKey key)
        {
            if (key == null) ThrowHelpers.ThrowArgumentNullException("key");
            int hash = _comparer.GetHashCode(key) & 0x7FFFFFFF;
            int bucket = hash % _buckets.Length;
            int last = -1;
            for (int i = _buckets[bucket] - 1; i >= 0; last = i, i = _entries[i].Next)
            {
                if (_entries[i].HashCode == hash && _comparer.Equals(_entries[i].Key, key))
                {
                    if (last < 0) _buckets[bucket] = _entries[i].Next + 1;
                    else _entries[last].Next = _entries[i].Next;
                    _entries[i].HashCode = -1;
                    _entries[i].Next = _freeList;
                    _entries[i].Key = default;
                    _entries[i].Value = default;
                    _freeList = i;
                    _freeCount++;
                    return true;
                }
            }
            return false;
        }

        public void Clear()
        {
            if (_count == 0) return;
            for (int i = 0; i < _buckets.Length; i++) _buckets[i] = 0;
            for (int i = 0; i < _count; i++) _entries[i] = default;
            _count = 0;
            _freeList = -1;
            _freeCount = 0;
        }

        private void Initialize(int capacity)
        {
            _buckets = new int[capacity];
            _entries = new Entry[capacity];
        }

        private int FindEntry(TKey key)
        {
            if (key == null) ThrowHelpers.ThrowArgumentNullException("key");
            int hash = _comparer.GetHashCode(key) & 0x7FFFFFFF;
            for (int i = _buckets[hash % _buckets.Length] - 1; i >= 0; i = _entries[i].Next)
                if (_entries[i].HashCode == hash && _comparer.Equals(_entries[i].Key, key)) return i;
            return -1;
        }

        private bool Insert(TKey key, TValue value, bool overwrite)
        {
            if (key == null) ThrowHelpers.ThrowArgumentNullException("key");
            int hash = _comparer.GetHashCode(key) & 0x7FFFFFFF;
            int bucket = hash % _buckets.Length;
            for (int i = _buckets[bucket] - 1; i >= 0; i = _entries[i].Next)
            {
                if (_entries[i].HashCode == hash && _comparer.Equals(_entries[i].Key, key))
                {
                    if (!overwrite) return false;
                    _entries[i].Value = value;
                    return true;
                }
            }

            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = _entries[index].Next;
                _freeCount--;
            }
            else
            {
                if (_count == _entries.Length)
                {
                    Resize(_entries.Length * 2);
                    bucket = hash % _buckets.Length;
                }
                index = _count++;
            }
            _entries[index].HashCode = hash;
            _entries[index].Next = _buckets[bucket] - 1;
            _entries[index].Key = key;
            _entries[index].Value = value;
            _buckets[bucket] = index + 1;
            return true;
        }

        private void Resize(int size)
        {
            int[] buckets = new int[size];
            Entry[] entries = new Entry[size];
            for (int i = 0; i < _count; i++) entries[i] = _entries[i];
            for (int i = 0; i < _count; i++)
            {
                if (entries[i].HashCode < 0) continue;
                int b = entries[i].HashCode % size;
                entries[i].Next = buckets[b] - 1;
                buckets[b] = i + 1;
            }
            _buckets = buckets;
            _entries = entries;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Enumerates live entries in insertion order (while nothing is removed).</summary>
        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _d;
            private int _index;
            internal Enumerator(Dictionary<TKey, TValue> d) { _d = d; _index = -1; }

            public bool MoveNext()
            {
                while (++_index < _d._count)
                    if (_d._entries[_index].HashCode >= 0) return true;
                return false;
            }

            public KeyValuePair<TKey, TValue> Current =>
                new KeyValuePair<TKey, TValue>(_d._entries[_index].Key, _d._entries[_index].Value);

            object IEnumerator.Current => Current;
            public void Reset() => _index = -1;
            public void Dispose() { }
        }
    }

    public readonly struct KeyValuePair<TKey, TValue>
    {
        public KeyValuePair(TKey key, TValue value) { Key = key; Value = value; }
        public TKey Key { get; }
        public TValue Value { get; }
        public void Deconstruct(out TKey key, out TValue value) { key = Key; value = Value; }
    }
}
