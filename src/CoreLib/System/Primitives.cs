namespace System
{
    // The primitive types. Their single field of their own type is how the C# compiler and ilc
    // recognise them; arithmetic is intrinsic. Formatting lives in Number.cs.
    public struct Void { }

    public struct Boolean : IEquatable<bool>
    {
#pragma warning disable 169
        private bool m_value;
#pragma warning restore 169
        public override string ToString() => this ? "True" : "False";
        public bool Equals(bool other) => this == other;
        public override bool Equals(object obj) => obj is bool b && b == this;
        public override int GetHashCode() => this ? 1 : 0;
    }

    public struct Char : IEquatable<char>, IComparable<char>
    {
#pragma warning disable 169
        private char m_value;
#pragma warning restore 169
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0;
        public override string ToString() => string.FromChar(this);
        public int CompareTo(char other) => this < other ? -1 : this > other ? 1 : 0;
        public bool Equals(char other) => this == other;
        public override bool Equals(object obj) => obj is char c && c == this;
        public override int GetHashCode() => this;
        public static bool IsDigit(char c) => c >= '0' && c <= '9';
        public static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        public static bool IsWhiteSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');
        public static bool IsUpper(char c) => c >= 'A' && c <= 'Z';
        public static bool IsLower(char c) => c >= 'a' && c <= 'z';
        public static char ToUpper(char c) => IsLower(c) ? (char)(c - 32) : c;
        public static char ToLower(char c) => IsUpper(c) ? (char)(c + 32) : c;
    }

    public partial struct SByte : IEquatable<sbyte>
    {
#pragma warning disable 169
        private sbyte m_value;
#pragma warning restore 169
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
        public override string ToString() => Number.Int64ToString(this);
        public bool Equals(sbyte other) => this == other;
        public override bool Equals(object obj) => obj is sbyte v && v == this;
        public override int GetHashCode() => this;
    }

    public partial struct Byte : IEquatable<byte>
    {
#pragma warning disable 169
        private byte m_value;
#pragma warning restore 169
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        public override string ToString() => Number.UInt64ToString(this);
        public bool Equals(byte other) => this == other;
        public override bool Equals(object obj) => obj is byte v && v == this;
        public override int GetHashCode() => this;
    }

    public partial struct Int16 : IEquatable<short>
    {
#pragma warning disable 169
        private short m_value;
#pragma warning restore 169
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
        public override string ToString() => Number.Int64ToString(this);
        public bool Equals(short other) => this == other;
        public override bool Equals(object obj) => obj is short v && v == this;
        public override int GetHashCode() => this;
    }

    public partial struct UInt16 : IEquatable<ushort>
    {
#pragma warning disable 169
        private ushort m_value;
#pragma warning restore 169
        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;
        public override string ToString() => Number.UInt64ToString(this);
        public bool Equals(ushort other) => this == other;
        public override bool Equals(object obj) => obj is ushort v && v == this;
        public override int GetHashCode() => this;
    }

    public partial struct Int32 : IEquatable<int>, IComparable<int>
    {
#pragma warning disable 169
        private int m_value;
#pragma warning restore 169
        public const int MaxValue = 0x7FFFFFFF;
        public const int MinValue = unchecked((int)0x80000000);
        public override string ToString() => Number.Int64ToString(this);
        public int CompareTo(int other) => this < other ? -1 : this > other ? 1 : 0;
        public bool Equals(int other) => this == other;
        public override bool Equals(object obj) => obj is int v && v == this;
        public override int GetHashCode() => this;
    }

    public partial struct UInt32 : IEquatable<uint>, IComparable<uint>
    {
#pragma warning disable 169
        private uint m_value;
#pragma warning restore 169
        public const uint MaxValue = 0xFFFFFFFF;
        public const uint MinValue = 0;
        public override string ToString() => Number.UInt64ToString(this);
        public int CompareTo(uint other) => this < other ? -1 : this > other ? 1 : 0;
        public bool Equals(uint other) => this == other;
        public override bool Equals(object obj) => obj is uint v && v == this;
        public override int GetHashCode() => (int)this;
    }

    public partial struct Int64 : IEquatable<long>, IComparable<long>
    {
#pragma warning disable 169
        private long m_value;
#pragma warning restore 169
        public const long MaxValue = 0x7FFFFFFFFFFFFFFF;
        public const long MinValue = unchecked((long)0x8000000000000000);
        public override string ToString() => Number.Int64ToString(this);
        public int CompareTo(long other) => this < other ? -1 : this > other ? 1 : 0;
        public bool Equals(long other) => this == other;
        public override bool Equals(object obj) => obj is long v && v == this;
        public override int GetHashCode() => (int)this ^ (int)(this >> 32);
    }

    public partial struct UInt64 : IEquatable<ulong>, IComparable<ulong>
    {
#pragma warning disable 169
        private ulong m_value;
#pragma warning restore 169
        public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF;
        public const ulong MinValue = 0;
        public override string ToString() => Number.UInt64ToString(this);
        public int CompareTo(ulong other) => this < other ? -1 : this > other ? 1 : 0;
        public bool Equals(ulong other) => this == other;
        public override bool Equals(object obj) => obj is ulong v && v == this;
        public override int GetHashCode() => (int)this ^ (int)(this >> 32);
    }

    public unsafe struct IntPtr : IEquatable<nint>
    {
#pragma warning disable 169
        private void* _value;
#pragma warning restore 169
        public static readonly nint Zero = 0;
        public static int Size => sizeof(nint);
        public IntPtr(void* value) { _value = value; }
        public IntPtr(int value) { _value = (void*)value; }
        public IntPtr(long value) { _value = (void*)value; }
        public void* ToPointer() => _value;
        public long ToInt64() => (long)_value;
        public override string ToString() => Number.Int64ToString((long)_value);
        public bool Equals(nint other) => (nint)_value == other;
        public override bool Equals(object obj) => obj is nint v && v == (nint)_value;
        public override int GetHashCode() => (int)(long)_value ^ (int)((long)_value >> 32);
        public static explicit operator IntPtr(void* value) => new IntPtr(value);
        public static explicit operator void*(IntPtr value) => value._value;
        public static explicit operator IntPtr(long value) => new IntPtr(value);
        public static explicit operator long(IntPtr value) => (long)value._value;
    }

    public unsafe struct UIntPtr : IEquatable<nuint>
    {
#pragma warning disable 169
        private void* _value;
#pragma warning restore 169
        public static readonly nuint Zero = 0;
        public UIntPtr(void* value) { _value = value; }
        public UIntPtr(ulong value) { _value = (void*)value; }
        public void* ToPointer() => _value;
        public override string ToString() => Number.UInt64ToString((ulong)_value);
        public bool Equals(nuint other) => (nuint)_value == other;
        public override bool Equals(object obj) => obj is nuint v && v == (nuint)_value;
        public override int GetHashCode() => (int)(ulong)_value ^ (int)((ulong)_value >> 32);
        public static explicit operator UIntPtr(void* value) => new UIntPtr(value);
        public static explicit operator void*(UIntPtr value) => value._value;
    }

    public abstract partial class Enum : ValueType { }

    public struct Nullable<T> where T : struct
    {
        private readonly bool hasValue;
        internal T value;
        public Nullable(T value) { this.value = value; hasValue = true; }
        public bool HasValue => hasValue;
        public T Value
        {
            get
            {
                if (!hasValue) ThrowHelpers.ThrowInvalidOperationException("Nullable object must have a value.");
                return value;
            }
        }
        public T GetValueOrDefault() => value;
        public T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;
        public override string ToString() => hasValue ? value.ToString() : "";
        // As .NET: an empty nullable equals null (which is what it boxes to), a full one compares its value.
        public override bool Equals(object other) => hasValue ? value.Equals(other) : other == null;
        public override int GetHashCode() => hasValue ? value.GetHashCode() : 0;
        public static implicit operator T?(T value) => new T?(value);
        public static explicit operator T(T? value) => value.Value;
    }

    public interface IEquatable<T>
    {
        bool Equals(T other);
    }

    public interface IComparable<in T>
    {
        int CompareTo(T other);
    }

    public interface IDisposable
    {
        void Dispose();
    }
}
