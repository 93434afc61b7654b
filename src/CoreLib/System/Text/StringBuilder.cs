namespace System.Text
{
    /// <summary>A mutable character buffer for building strings.</summary>
    public sealed partial class StringBuilder
    {
        private char[] _chars;
        private int _length;

        public StringBuilder() : this(16) { }
        public StringBuilder(int capacity) { _chars = new char[capacity < 1 ? 1 : capacity]; }
        public StringBuilder(string value) : this(value == null ? 16 : value.Length + 16) { Append(value); }

        public int Length
        {
            get => _length;
            set
            {
                if (value < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("value");
                if (value > _length) { Ensure(value); for (int i = _length; i < value; i++) _chars[i] = '\0'; }
                _length = value;
            }
        }

        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRangeException();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRangeException();
                _chars[index] = value;
            }
        }

        public StringBuilder Append(char c)
        {
            Ensure(_length + 1);
            _chars[_length++] = c;
            return this;
        }

        public StringBuilder Append(char c, int repeatCount)
        {
            Ensure(_length + repeatCount);
            for (int i = 0; i < repeatCount; i++) _chars[_length++] = c;
            return this;
        }

        public StringBuilder Append(string s)
        {
            if (s == null) return this;
            Ensure(_length + s.Length);
            for (int i = 0; i < s.Length; i++) _chars[_length + i] = s[i];
            _length += s.Length;
            return this;
        }

        public StringBuilder Append(ReadOnlySpan<char> s)
        {
            Ensure(_length + s.Length);
            for (int i = 0; i < s.Length; i++) _chars[_length + i] = s[i];
            _length += s.Length;
            return this;
        }

        public StringBuilder Append(int value) => Append(value.ToString());
        public StringBuilder Append(long value) => Append(value.ToString());
        public StringBuilder Append(ulong value) => Append(value.ToString());
        public StringBuilder Append(double value) => Append(value.ToString());
        public StringBuilder Append(bool value) => Append(value ? "True" : "False");
        public StringBuilder Append(object value) => Append(value?.ToString());

        public StringBuilder AppendLine() => Append('\n');
        public StringBuilder AppendLine(string s) => Append(s).Append('\n');

        public StringBuilder Insert(int index, string s)
        {
            if ((uint)index > (uint)_length) ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            if (s == null || s.Length == 0) return this;
            Ensure(_length + s.Length);
            for (int i = _length - 1; i >= index; i--) _chars[i + s.Length] = _chars[i];
            for (int i = 0; i < s.Length; i++) _chars[index + i] = s[i];
            _length += s.Length;
            return this;
        }

        public StringBuilder Remove(int startIndex, int length)
        {
            if (startIndex < 0 || length < 0 || startIndex + length > _length)
                ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            for (int i = startIndex + length; i < _length; i++) _chars[i - length] = _chars[i];
            _length -= length;
            return this;
        }

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public override unsafe string ToString()
        {
            if (_length == 0) return string.Empty;
            fixed (char* p = _chars) return new string(p, 0, _length);
        }

        private void Ensure(int capacity)
        {
            if (capacity <= _chars.Length) return;
            int n = _chars.Length * 2;
            if (n < capacity) n = capacity;
            char[] chars = new char[n];
            for (int i = 0; i < _length; i++) chars[i] = _chars[i];
            _chars = chars;
        }
    }
}
