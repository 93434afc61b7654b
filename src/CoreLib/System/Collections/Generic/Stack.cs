using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>Last in, first out, over a growing array; enumerates from the top.</summary>
    public class Stack<T> : IEnumerable<T>, IReadOnlyCollection<T>
    {
        private T[] _items = new T[4];
        private int _size;

        public Stack() { }
        public Stack(IEnumerable<T> items) { foreach (T x in items) Push(x); }

        public int Count => _size;

        public void Push(T item)
        {
            if (_size == _items.Length) Array.Resize(ref _items, _size * 2);
            _items[_size++] = item;
        }

        public T Pop()
        {
            if (_size == 0) ThrowHelpers.ThrowInvalidOperationException("Stack empty.");
            T item = _items[--_size];
            _items[_size] = default;
            return item;
        }

        public T Peek()
        {
            if (_size == 0) ThrowHelpers.ThrowInvalidOperationException("Stack empty.");
            return _items[_size - 1];
        }

        public bool TryPop(out T item)
        {
            if (_size == 0) { item = default; return false; }
            item = Pop();
            return true;
        }

        public bool TryPeek(out T item)
        {
            item = _size == 0 ? default : _items[_size - 1];
            return _size != 0;
        }

        public bool Contains(T item) => Array.IndexOf(_items, item, 0, _size) >= 0;
        public void Clear() { Array.Clear(_items, 0, _size); _size = 0; }

        public T[] ToArray()
        {
            var a = new T[_size];
            for (int i = 0; i < _size; i++) a[i] = _items[_size - 1 - i];
            return a;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Stack<T> _stack;
            private int _index;
            internal Enumerator(Stack<T> stack) { _stack = stack; _index = stack._size; }
            public bool MoveNext() => --_index >= 0;
            public T Current => _stack._items[_index];
            object IEnumerator.Current => Current;
            public void Reset() => _index = _stack._size;
            public void Dispose() { }
        }
    }
}
