using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>Dictionary's construction from pairs, value searches and its Keys and Values views.</summary>
    public partial class Dictionary<TKey, TValue>
    {
        // Created on first use and kept, so that `foreach (var k in d.Keys)` allocates once per dictionary.
        private KeyCollection _keys;
        private ValueCollection _values;

        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection) : this(collection, null) { }

        public Dictionary(IEnumerable<KeyValuePair<TKey, TValue>> collection, IEqualityComparer<TKey> comparer) : this(0, comparer)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNullException("collection");
            foreach (KeyValuePair<TKey, TValue> pair in collection) Add(pair.Key, pair.Value);
        }

        public IEqualityComparer<TKey> Comparer => _comparer;

        public bool Remove(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i < 0) { value = default; return false; }
            value = _entries[i].Value;
            return Remove(key);
        }

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> eq = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _count; i++)
                if (_entries[i].HashCode >= 0 && eq.Equals(_entries[i].Value, value)) return true;
            return false;
        }

        public KeyCollection Keys => _keys ??= new KeyCollection(this);
        public ValueCollection Values => _values ??= new ValueCollection(this);
        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;
        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

        /// <summary>The keys, live (a view, not a copy), in the dictionary's enumeration order.</summary>
        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _d;
            internal KeyCollection(Dictionary<TKey, TValue> d) => _d = d;

            public int Count => _d.Count;
            bool ICollection<TKey>.IsReadOnly => true;
            public bool Contains(TKey item) => _d.ContainsKey(item);

            public void CopyTo(TKey[] array, int index)
            {
                CheckCopy(array, index, _d.Count);
                for (int i = 0; i < _d._count; i++)
                    if (_d._entries[i].HashCode >= 0) array[index++] = _d._entries[i].Key;
            }

            void ICollection<TKey>.Add(TKey item) => ThrowReadOnly();
            void ICollection<TKey>.Clear() => ThrowReadOnly();
            bool ICollection<TKey>.Remove(TKey item) { ThrowReadOnly(); return false; }

            public Enumerator GetEnumerator() => new Enumerator(_d);
            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_d);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_d);

            public struct Enumerator : IEnumerator<TKey>
            {
                private Dictionary<TKey, TValue>.Enumerator _inner;
                internal Enumerator(Dictionary<TKey, TValue> d) => _inner = new Dictionary<TKey, TValue>.Enumerator(d);
                public bool MoveNext() => _inner.MoveNext();
                public TKey Current => _inner.Current.Key;
                object IEnumerator.Current => Current;
                public void Reset() => _inner.Reset();
                public void Dispose() { }
            }
        }

        /// <summary>The values, live (a view, not a copy), in the dictionary's enumeration order.</summary>
        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _d;
            internal ValueCollection(Dictionary<TKey, TValue> d) => _d = d;

            public int Count => _d.Count;
            bool ICollection<TValue>.IsReadOnly => true;
            bool ICollection<TValue>.Contains(TValue item) => _d.ContainsValue(item);   // explicit, as in .NET

            public void CopyTo(TValue[] array, int index)
            {
                CheckCopy(array, index, _d.Count);
                for (int i = 0; i < _d._count; i++)
                    if (_d._entries[i].HashCode >= 0) array[index++] = _d._entries[i].Value;
            }

            void ICollection<TValue>.Add(TValue item) => ThrowReadOnly();
            void ICollection<TValue>.Clear() => ThrowReadOnly();
            bool ICollection<TValue>.Remove(TValue item) { ThrowReadOnly(); return false; }

            public Enumerator GetEnumerator() => new Enumerator(_d);
            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_d);
            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_d);

            public struct Enumerator : IEnumerator<TValue>
            {
                private Dictionary<TKey, TValue>.Enumerator _inner;
                internal Enumerator(Dictionary<TKey, TValue> d) => _inner = new Dictionary<TKey, TValue>.Enumerator(d);
                public bool MoveNext() => _inner.MoveNext();
                public TValue Current => _inner.Current.Value;
                object IEnumerator.Current => Current;
                public void Reset() => _inner.Reset();
                public void Dispose() { }
            }
        }

        private static void CheckCopy<T>(T[] array, int index, int count)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNullException("array");
            if (index < 0 || array.Length - index < count) ThrowHelpers.ThrowArgumentException("Destination array is not long enough.");
        }

        private static void ThrowReadOnly() => ThrowHelpers.ThrowNotSupportedException();
    }
}
