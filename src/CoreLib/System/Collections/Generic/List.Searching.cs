namespace System.Collections.Generic
{
    /// <summary>List&lt;T&gt;'s searching, sorting and whole-list members, over the array's helpers.</summary>
    public partial class List<T>
    {
        public int IndexOf(T item) => _size == 0 ? -1 : Array.IndexOf(_items, item, 0, _size);

        public int IndexOf(T item, int index)
        {
            if ((uint)index > (uint)_size) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            return Array.IndexOf(_items, item, index, _size - index);
        }

        public int LastIndexOf(T item)
        {
            EqualityComparer<T> eq = EqualityComparer<T>.Default;
            for (int i = _size - 1; i >= 0; i--)
                if (eq.Equals(_items[i], item)) return i;
            return -1;
        }

        public bool Contains(T item) => IndexOf(item) >= 0;

        public T Find(Predicate<T> match)
        {
            int i = FindIndex(match);
            return i >= 0 ? _items[i] : default;
        }

        public T FindLast(Predicate<T> match)
        {
            int i = FindLastIndex(match);
            return i >= 0 ? _items[i] : default;
        }

        public int FindIndex(Predicate<T> match) => FindIndex(0, _size, match);

        public int FindIndex(int startIndex, Predicate<T> match) => FindIndex(startIndex, _size - startIndex, match);

        public int FindIndex(int startIndex, int count, Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNullException("match");
            CheckRange(startIndex, count);
            for (int i = startIndex; i < startIndex + count; i++)
                if (match(_items[i])) return i;
            return -1;
        }

        public int FindLastIndex(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNullException("match");
            for (int i = _size - 1; i >= 0; i--)
                if (match(_items[i])) return i;
            return -1;
        }

        public List<T> FindAll(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNullException("match");
            var found = new List<T>();
            for (int i = 0; i < _size; i++)
                if (match(_items[i])) found.Add(_items[i]);
            return found;
        }

        public bool Exists(Predicate<T> match) => FindIndex(match) >= 0;

        public bool TrueForAll(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNullException("match");
            for (int i = 0; i < _size; i++)
                if (!match(_items[i])) return false;
            return true;
        }

        /// <summary>Removes every item that matches, keeping the others' order; returns how many went.</summary>
        public int RemoveAll(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNullException("match");
            int kept = 0;
            for (int i = 0; i < _size; i++)
                if (!match(_items[i])) _items[kept++] = _items[i];
            int removed = _size - kept;
            for (int i = kept; i < _size; i++) _items[i] = default;
            _size = kept;
            if (removed > 0) _version++;
            return removed;
        }

        public void ForEach(Action<T> action)
        {
            if (action == null) ThrowHelpers.ThrowArgumentNullException("action");
            int version = _version;
            for (int i = 0; i < _size; i++)
            {
                if (version != _version) break;
                action(_items[i]);
            }
            if (version != _version) ThrowHelpers.ThrowInvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }

        public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
        {
            if (converter == null) ThrowHelpers.ThrowArgumentNullException("converter");
            var result = new List<TOutput>(_size);
            for (int i = 0; i < _size; i++) result.Add(converter(_items[i]));
            return result;
        }

        public List<T> GetRange(int index, int count)
        {
            CheckRange(index, count);
            var range = new List<T>(count);
            Array.Copy(_items, index, range._items, 0, count);
            range._size = count;
            return range;
        }

        public void Sort() => Sort(0, _size, null);

        public void Sort(IComparer<T> comparer) => Sort(0, _size, comparer);

        public void Sort(int index, int count, IComparer<T> comparer)
        {
            CheckRange(index, count);
            Array.Sort(_items, index, count, comparer);
            _version++;
        }

        public void Sort(Comparison<T> comparison)
        {
            if (comparison == null) ThrowHelpers.ThrowArgumentNullException("comparison");
            new Span<T>(_items, 0, _size).Sort(comparison);
            _version++;
        }

        public int BinarySearch(T item) => BinarySearch(0, _size, item, null);

        public int BinarySearch(T item, IComparer<T> comparer) => BinarySearch(0, _size, item, comparer);

        public int BinarySearch(int index, int count, T item, IComparer<T> comparer)
        {
            CheckRange(index, count);
            return Array.BinarySearch(_items, index, count, item, comparer);
        }

        public void Reverse() => Reverse(0, _size);

        public void Reverse(int index, int count)
        {
            CheckRange(index, count);
            Array.Reverse(_items, index, count);
            _version++;
        }
    }
}
