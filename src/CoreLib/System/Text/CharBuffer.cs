using System.Runtime.CompilerServices;

namespace System.Text
{
    /// <summary>
    /// Text under construction in a caller's stack buffer, moving to the heap only when it
    /// outgrows it: number formatting allocates nothing but the finished string. (Nacre's heap
    /// never moves objects, so the pointer into a grown array stays valid.)
    /// </summary>
    internal unsafe ref struct CharBuffer
    {
        private char* _chars;
        private int _capacity;
        public int Length;

        public CharBuffer(char* initial, int capacity)
        {
            _chars = initial;
            _capacity = capacity;
            Length = 0;
        }

        public char this[int index] => _chars[index];

        public void Append(char c)
        {
            if (Length == _capacity) Grow(1);
            _chars[Length++] = c;
        }

        public void Append(char c, int count)
        {
            if (count <= 0) return;
            if (Length + count > _capacity) Grow(count);
            for (int i = 0; i < count; i++) _chars[Length++] = c;
        }

        public void Append(string s)
        {
            if (s == null) return;
            if (Length + s.Length > _capacity) Grow(s.Length);
            for (int i = 0; i < s.Length; i++) _chars[Length++] = s[i];
        }

        public void Insert(int index, char c)
        {
            if (Length == _capacity) Grow(1);
            for (int i = Length; i > index; i--) _chars[i] = _chars[i - 1];
            _chars[index] = c;
            Length++;
        }

        private void Grow(int extra)
        {
            int capacity = _capacity * 2;
            if (capacity < Length + extra) capacity = Length + extra;
            char[] array = new char[capacity];
            char* p = (char*)Unsafe.AsPointer(ref array[0]);
            for (int i = 0; i < Length; i++) p[i] = _chars[i];
            _chars = p;
            _capacity = capacity;
        }

        public override string ToString() => new string(_chars, 0, Length);
    }
}
