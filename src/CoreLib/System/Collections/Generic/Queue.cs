using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>A first-in first-out ring buffer that grows as needed.</summary>
    public class Queue<T> : IEnumerable<T>, IReadOnlyCollection<T>
    {
        private T[] _items;
        private int _head;
        private int _size;

        public Queue() { _items = new T[4]; }
        public Queue(int capacity) { _items = new T[capacity < 1 ? 1 : capacity]; }

        public int Count => _size;

        public void Enqueue(T item)
        {
            if (_size == _items.Length) Grow();
            _items[(_head + _size) % _items.Length] = item;
            _size++;
        }

        public T Dequeue()
        {
            if (_size == 0) ThrowHelpers.ThrowInvalidOperationException("Queue empty.");
            T item = _items[_head];
            _items[_head] = default;
            _head = (_head + 1) % _items.Length;
            _size--;
            return item;
        }

        public bool TryDequeue(out T item)
        {
            if (_size == 0) { item = default; return false; }
            item = Dequeue();
            return true;
        }

        public T Peek()
        {
            if (_size == 0) ThrowHelpers.ThrowInvalidOperationException("Queue empty.");
            return _items[_head];
        }

        public void Clear()
        {
            while (_size > 0) Dequeue();
            _head = 0;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);
        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        /// <summary>Enumerates from the head (the next to dequeue) to the tail.</summary>
        public struct Enumerator : IEnumerator<T>
        {
            private readonly Queue<T> _q;
            private int _index;
            internal Enumerator(Queue<T> q) { _q = q; _index = -1; }
            public bool MoveNext() => ++_index < _q._size;
            public T Current => _q._items[(_q._head + _index) % _q._items.Length];
            object IEnumerator.Current => Current;
            public void Reset() => _index = -1;
            public void Dispose() { }
        }

        private void Grow()
        {
            T[] items = new T[_items.Length * 2];
            for (int i = 0; i < _size; i++) items[i] = _items[(_head + i) % _items.Length];
            _items = items;
            _head = 0;
        }
    }
}
