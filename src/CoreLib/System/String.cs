using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    /// <summary>Immutable UTF-16 text. Layout fixed by ilc: [MethodTable*][int length][chars...][\0].</summary>
    public sealed unsafe partial class String : IEquatable<string>, IComparable<string>
    {
        // ilc's compile-time string literal emitter requires exactly these names.
#pragma warning disable 649
        private readonly int _stringLength;
        private char _firstChar;
#pragma warning restore 649

        public static readonly string Empty = "";

        public int Length => _stringLength;

        [IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength) ThrowHelpers.ThrowIndexOutOfRangeException();
                return Unsafe.Add(ref _firstChar, index);
            }
        }

        internal ref char GetRawStringData() => ref _firstChar;

        /// <summary>Allocates an uninitialised string of the given length (the terminator is zeroed by the allocator).</summary>
        internal static string FastAllocate(int length)
        {
            if (length == 0) return Empty;
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            return Unsafe.As<string>(RuntimeAllocation.NewArray("".GetMethodTable(), length));
        }

        public static string FromChar(char c)
        {
            string s = FastAllocate(1);
            s._firstChar = c;
            return s;
        }

        // ilc rewrites `new string(...)` into a call of the static Ctor with the same parameters.
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char* value, int startIndex, int length);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char c, int count);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(char[] value);
        [MethodImpl(MethodImplOptions.InternalCall)] public extern String(ReadOnlySpan<char> value);

        private static string Ctor(char* value, int startIndex, int length)
        {
            string s = FastAllocate(length);
            Buffer.Memmove((byte*)Unsafe.AsPointer(ref s._firstChar), (byte*)(value + startIndex), (nuint)length * 2);
            return s;
        }

        private static string Ctor(char c, int count)
        {
            string s = FastAllocate(count);
            for (int i = 0; i < count; i++) Unsafe.Add(ref s._firstChar, i) = c;
            return s;
        }

        private static string Ctor(char[] value)
        {
            if (value == null || value.Length == 0) return Empty;
            fixed (char* p = value) return Ctor(p, 0, value.Length);
        }

        private static string Ctor(ReadOnlySpan<char> value)
        {
            if (value.Length == 0) return Empty;
            fixed (char* p = value) return Ctor(p, 0, value.Length);
        }

        public static implicit operator ReadOnlySpan<char>(string value) =>
            value == null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);

        public char[] ToCharArray()
        {
            char[] a = new char[_stringLength];
            for (int i = 0; i < a.Length; i++) a[i] = Unsafe.Add(ref _firstChar, i);
            return a;
        }

        public override string ToString() => this;

        public static bool IsNullOrEmpty(string s) => s == null || s._stringLength == 0;

        public static bool Equals(string a, string b)
        {
            if ((object)a == (object)b) return true;
            if ((object)a == null || (object)b == null || a._stringLength != b._stringLength) return false;
            return SpanHelpers.SequenceEqual(ref a._firstChar, ref b._firstChar, a._stringLength);
        }

        public bool Equals(string other) => Equals(this, other);
        public override bool Equals(object obj) => obj is string s && Equals(this, s);
        public static bool operator ==(string a, string b) => Equals(a, b);
        public static bool operator !=(string a, string b) => !Equals(a, b);

        // FNV-1a: deterministic (no per-boot seed needed: no untrusted input in the kernel).
        public override int GetHashCode()
        {
            uint h = 2166136261;
            for (int i = 0; i < _stringLength; i++)
            {
                h ^= Unsafe.Add(ref _firstChar, i);
                h *= 16777619;
            }
            return (int)h;
        }


        public string Substring(int startIndex) => Substring(startIndex, _stringLength - startIndex);

        public string Substring(int startIndex, int length)
        {
            if ((uint)startIndex > (uint)_stringLength) ThrowHelpers.ThrowArgumentOutOfRangeException("startIndex");
            if ((uint)length > (uint)(_stringLength - startIndex)) ThrowHelpers.ThrowArgumentOutOfRangeException("length");
            if (length == _stringLength) return this;
            fixed (char* p = &_firstChar) return Ctor(p, startIndex, length);
        }

        public bool StartsWith(string value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            if (value._stringLength > _stringLength) return false;
            return SpanHelpers.SequenceEqual(ref _firstChar, ref value._firstChar, value._stringLength);
        }

        public bool StartsWith(char c) => _stringLength > 0 && _firstChar == c;

        public bool EndsWith(string value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            int off = _stringLength - value._stringLength;
            if (off < 0) return false;
            return SpanHelpers.SequenceEqual(ref Unsafe.Add(ref _firstChar, off), ref value._firstChar, value._stringLength);
        }

        public bool EndsWith(char c) => _stringLength > 0 && this[_stringLength - 1] == c;

        public int IndexOf(char c) => IndexOf(c, 0);

        public int IndexOf(char c, int startIndex)
        {
            for (int i = startIndex; i < _stringLength; i++)
                if (Unsafe.Add(ref _firstChar, i) == c) return i;
            return -1;
        }

        public int IndexOf(string value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNullException("value");
            int last = _stringLength - value._stringLength;
            for (int i = 0; i <= last; i++)
                if (SpanHelpers.SequenceEqual(ref Unsafe.Add(ref _firstChar, i), ref value._firstChar, value._stringLength)) return i;
            return -1;
        }

        public int LastIndexOf(char c)
        {
            for (int i = _stringLength - 1; i >= 0; i--)
                if (Unsafe.Add(ref _firstChar, i) == c) return i;
            return -1;
        }

        public bool Contains(string value) => IndexOf(value) >= 0;
        public bool Contains(char c) => IndexOf(c) >= 0;


        public string ToUpperInvariant()
        {
            string s = FastAllocate(_stringLength);
            for (int i = 0; i < _stringLength; i++) Unsafe.Add(ref s._firstChar, i) = char.ToUpper(this[i]);
            return s;
        }

        public string ToLowerInvariant()
        {
            string s = FastAllocate(_stringLength);
            for (int i = 0; i < _stringLength; i++) Unsafe.Add(ref s._firstChar, i) = char.ToLower(this[i]);
            return s;
        }

        public string Replace(char oldChar, char newChar)
        {
            string s = FastAllocate(_stringLength);
            for (int i = 0; i < _stringLength; i++)
            {
                char c = this[i];
                Unsafe.Add(ref s._firstChar, i) = c == oldChar ? newChar : c;
            }
            return s;
        }


        public string PadLeft(int totalWidth, char paddingChar = ' ')
        {
            if (totalWidth <= _stringLength) return this;
            return Concat(new string(paddingChar, totalWidth - _stringLength), this);
        }

        public string PadRight(int totalWidth, char paddingChar = ' ')
        {
            if (totalWidth <= _stringLength) return this;
            return Concat(this, new string(paddingChar, totalWidth - _stringLength));
        }

        public static string Concat(string a, string b)
        {
            if (IsNullOrEmpty(a)) return b ?? Empty;
            if (IsNullOrEmpty(b)) return a;
            string s = FastAllocate(a._stringLength + b._stringLength);
            CopyInto(s, 0, a);
            CopyInto(s, a._stringLength, b);
            return s;
        }

        public static string Concat(string a, string b, string c) => Concat(new ReadOnlySpan<string>(new[] { a, b, c }));
        public static string Concat(string a, string b, string c, string d) => Concat(new ReadOnlySpan<string>(new[] { a, b, c, d }));
        public static string Concat(params string[] values) => Concat(new ReadOnlySpan<string>(values));

        public static string Concat(ReadOnlySpan<string> values)
        {
            int total = 0;
            for (int i = 0; i < values.Length; i++) if (values[i] != null) total += values[i]._stringLength;
            string s = FastAllocate(total);
            int pos = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == null) continue;
                CopyInto(s, pos, values[i]);
                pos += values[i]._stringLength;
            }
            return s;
        }

        public static string Concat(object a, object b) => Concat(a?.ToString(), b?.ToString());
        public static string Concat(object a, object b, object c) => Concat(a?.ToString(), b?.ToString(), c?.ToString());


        private static void CopyInto(string dest, int pos, string src)
        {
            Buffer.Memmove((byte*)Unsafe.AsPointer(ref Unsafe.Add(ref dest._firstChar, pos)),
                (byte*)Unsafe.AsPointer(ref src._firstChar), (nuint)src._stringLength * 2);
        }
    }
}
