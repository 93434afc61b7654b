using System.Collections;

namespace System.Collections.Generic
{
    /// <summary>A doubly linked list of nodes the caller can hold on to (O(1) insert and remove at a node).</summary>
    public class LinkedList<T> : ICollection<T>, IReadOnlyCollection<T>
    {
        public LinkedListNode<T> First { get; private set; }
        public LinkedListNode<T> Last { get; private set; }
        public int Count { get; private set; }

        bool ICollection<T>.IsReadOnly => false;

        public void CopyTo(T[] array, int index)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNullException("array");
            if (index < 0 || array.Length - index < Count) ThrowHelpers.ThrowArgumentException("Destination array is not long enough.");
            for (var n = First; n != null; n = n.Next) array[index++] = n.Value;
        }

        public LinkedList() { }
        public LinkedList(IEnumerable<T> items) { foreach (T x in items) AddLast(x); }

        public LinkedListNode<T> AddFirst(T value) => First == null ? AddOnly(value) : AddBefore(First, value);
        public LinkedListNode<T> AddLast(T value) => Last == null ? AddOnly(value) : AddAfter(Last, value);
        void ICollection<T>.Add(T value) => AddLast(value);

        public LinkedListNode<T> AddAfter(LinkedListNode<T> node, T value)
        {
            Owned(node);
            var n = new LinkedListNode<T>(this, value) { Previous = node, Next = node.Next };
            if (node.Next != null) node.Next.Previous = n; else Last = n;
            node.Next = n;
            Count++;
            return n;
        }

        public LinkedListNode<T> AddBefore(LinkedListNode<T> node, T value)
        {
            Owned(node);
            var n = new LinkedListNode<T>(this, value) { Next = node, Previous = node.Previous };
            if (node.Previous != null) node.Previous.Next = n; else First = n;
            node.Previous = n;
            Count++;
            return n;
        }

        private LinkedListNode<T> AddOnly(T value)
        {
            First = Last = new LinkedListNode<T>(this, value);
            Count = 1;
            return First;
        }

        public LinkedListNode<T> Find(T value)
        {
            for (var n = First; n != null; n = n.Next)
                if (EqualityComparer<T>.Default.Equals(n.Value, value)) return n;
            return null;
        }

        public bool Contains(T value) => Find(value) != null;

        public bool Remove(T value)
        {
            var n = Find(value);
            if (n == null) return false;
            Remove(n);
            return true;
        }

        public void Remove(LinkedListNode<T> node)
        {
            Owned(node);
            if (node.Previous != null) node.Previous.Next = node.Next; else First = node.Next;
            if (node.Next != null) node.Next.Previous = node.Previous; else Last = node.Previous;
            node.List = null; node.Next = node.Previous = null;
            Count--;
        }

        public void RemoveFirst() { if (First == null) ThrowHelpers.ThrowInvalidOperationException("The list is empty."); Remove(First); }
        public void RemoveLast() { if (Last == null) ThrowHelpers.ThrowInvalidOperationException("The list is empty."); Remove(Last); }

        public void Clear()
        {
            while (First != null) Remove(First);
        }

        private void Owned(LinkedListNode<T> node)
        {
            if (node == null) ThrowHelpers.ThrowArgumentNullException("node");
            if (node.List != this) ThrowHelpers.ThrowInvalidOperationException("The node does not belong to this list.");
        }

        public Enumerator GetEnumerator() => new Enumerator(this);
        IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator : IEnumerator<T>
        {
            private readonly LinkedList<T> _list;
            private LinkedListNode<T> _next;
            private T _current;
            internal Enumerator(LinkedList<T> list) { _list = list; _next = list.First; _current = default; }
            public bool MoveNext()
            {
                if (_next == null) return false;
                _current = _next.Value;
                _next = _next.Next;
                return true;
            }
            public T Current => _current;
            object IEnumerator.Current => Current;
            public void Reset() { _next = _list.First; _current = default; }
            public void Dispose() { }
        }
    }

    public sealed class LinkedListNode<T>
    {
        internal LinkedListNode(LinkedList<T> list, T value) { List = list; Value = value; }
        public LinkedList<T> List { get; internal set; }
        public LinkedListNode<T> Next { get; internal set; }
        public LinkedListNode<T> Previous { get; internal set; }
        public T Value { get; set; }
    }
}
