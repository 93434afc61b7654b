using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>A set of distinct values: a Dictionary whose values carry nothing.</summary>
    public class HashSet<T> : ICollection<T>, IReadOnlyCollection<T>
    {
        private readonly Dictionary<T, bool> _items;

        public HashSet() : this((IEqualityComparer<T>)null) { }
        public HashSet(IEqualityComparer<T> comparer) { _items = new Dictionary<T, bool>(0, comparer); }
        public HashSet(IEnumerable<T> items) : this() { UnionWith(items); }

        public int Count => _items.Count;

        bool ICollection<T>.IsReadOnly => false;

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int arrayIndex)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNullException("array");
            if (arrayIndex < 0 || array.Length - arrayIndex < Count) ThrowHelpers.ThrowArgumentException("Destination array is not long enough.");
            foreach (T item in this) array[arrayIndex++] = item;
        }
        public bool Add(T item) => _items.TryAdd(item, true);
        void ICollection<T>.Add(T item) => Add(item);
        public bool Remove(T item) => _items.Remove(item);
        public bool Contains(T item) => _items.ContainsKey(item);
        public void Clear() => _items.Clear();

        public void UnionWith(IEnumerable<T> other) { foreach (T x in other) Add(x); }
        public void ExceptWith(IEnumerable<T> other) { foreach (T x in other) Remove(x); }

        public void IntersectWith(IEnumerable<T> other)
        {
            var keep = new HashSet<T>(other);
            var drop = new List<T>();
            foreach (T x in this) if (!keep.Contains(x)) drop.Add(x);
            foreach (T x in drop) Remove(x);
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            var o = new HashSet<T>(other);
            foreach (T x in this) if (!o.Contains(x)) return false;
            return true;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            foreach (T x in other) if (!Contains(x)) return false;
            return true;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            var o = new HashSet<T>(other);
            return o.Count == Count && IsSupersetOf(o);
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            foreach (T x in other) if (Contains(x)) return true;
            return false;
        }

        public Enumerator GetEnumerator() => new Enumerator(_items.GetEnumerator());
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator : IEnumerator<T>
        {
            private Dictionary<T, bool>.Enumerator _inner;
            internal Enumerator(Dictionary<T, bool>.Enumerator inner) { _inner = inner; }
            public bool MoveNext() => _inner.MoveNext();
            public T Current => _inner.Current.Key;
            object IEnumerator.Current => Current;
            public void Reset() => _inner.Reset();
            public void Dispose() { }
        }
    }
}
