using System.Globalization;

namespace System
{
    // Formatting with format strings and parsing for the integer types (invariant culture).
    // Parsing goes through one routine parameterised by width and signedness (Number.ParseInteger).

    public partial struct SByte : IFormattable
    {
        public string ToString(string format) => Number.FormatInt64(this, format, 2);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(this, format, 2);
        public static sbyte Parse(string s) => (sbyte)Number.ParseIntegerOrThrow(s, NumberStyles.Integer, 8, true);
        public static sbyte Parse(string s, IFormatProvider provider) => Parse(s);
        public static sbyte Parse(string s, NumberStyles style, IFormatProvider provider = null) => (sbyte)Number.ParseIntegerOrThrow(s, style, 8, true);
        public static sbyte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => (sbyte)Number.ParseIntegerOrThrow(s, style, 8, true);
        public static bool TryParse(string s, out sbyte result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out sbyte result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out sbyte result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            bool ok = Number.TryParseInteger(s, style, 8, true, out ulong bits);
            result = (sbyte)bits;
            return ok;
        }
    }

    public partial struct Byte : IFormattable
    {
        public string ToString(string format) => Number.FormatUInt64(this, format, 2);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(this, format, 2);
        public static byte Parse(string s) => (byte)Number.ParseIntegerOrThrow(s, NumberStyles.Integer, 8, false);
        public static byte Parse(string s, IFormatProvider provider) => Parse(s);
        public static byte Parse(string s, NumberStyles style, IFormatProvider provider = null) => (byte)Number.ParseIntegerOrThrow(s, style, 8, false);
        public static byte Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => (byte)Number.ParseIntegerOrThrow(s, style, 8, false);
        public static bool TryParse(string s, out byte result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out byte result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out byte result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out byte result)
        {
            bool ok = Number.TryParseInteger(s, style, 8, false, out ulong bits);
            result = (byte)bits;
            return ok;
        }
    }

    public partial struct Int16 : IFormattable
    {
        public string ToString(string format) => Number.FormatInt64(this, format, 4);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(this, format, 4);
        public static short Parse(string s) => (short)Number.ParseIntegerOrThrow(s, NumberStyles.Integer, 16, true);
        public static short Parse(string s, IFormatProvider provider) => Parse(s);
        public static short Parse(string s, NumberStyles style, IFormatProvider provider = null) => (short)Number.ParseIntegerOrThrow(s, style, 16, true);
        public static short Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => (short)Number.ParseIntegerOrThrow(s, style, 16, true);
        public static bool TryParse(string s, out short result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out short result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out short result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out short result)
        {
            bool ok = Number.TryParseInteger(s, style, 16, true, out ulong bits);
            result = (short)bits;
            return ok;
        }
    }

    public partial struct UInt16 : IFormattable
    {
        public string ToString(string format) => Number.FormatUInt64(this, format, 4);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(this, format, 4);
        public static ushort Parse(string s) => (ushort)Number.ParseIntegerOrThrow(s, NumberStyles.Integer, 16, false);
        public static ushort Parse(string s, IFormatProvider provider) => Parse(s);
        public static ushort Parse(string s, NumberStyles style, IFormatProvider provider = null) => (ushort)Number.ParseIntegerOrThrow(s, style, 16, false);
        public static ushort Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => (ushort)Number.ParseIntegerOrThrow(s, style, 16, false);
        public static bool TryParse(string s, out ushort result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out ushort result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ushort result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ushort result)
        {
            bool ok = Number.TryParseInteger(s, style, 16, false, out ulong bits);
            result = (ushort)bits;
            return ok;
        }
    }

    public partial struct Int32 : IFormattable
    {
        public string ToString(string format) => Number.FormatInt64(this, format, 8);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(this, format, 8);
        public static int Parse(string s) => (int)Number.ParseIntegerOrThrow(s, NumberStyles.Integer, 32, true);
        public static int Parse(string s, IFormatProvider provider) => Parse(s);
        public static int Parse(string s, NumberStyles style, IFormatProvider provider = null) => (int)Number.ParseIntegerOrThrow(s, style, 32, true);
        public static int Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => (int)Number.ParseIntegerOrThrow(s, style, 32, true);
        public static bool TryParse(string s, out int result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out int result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out int result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out int result)
        {
            bool ok = Number.TryParseInteger(s, style, 32, true, out ulong bits);
            result = (int)bits;
            return ok;
        }
    }

    public partial struct UInt32 : IFormattable
    {
        public string ToString(string format) => Number.FormatUInt64(this, format, 8);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(this, format, 8);
        public static uint Parse(string s) => (uint)Number.ParseIntegerOrThrow(s, NumberStyles.Integer, 32, false);
        public static uint Parse(string s, IFormatProvider provider) => Parse(s);
        public static uint Parse(string s, NumberStyles style, IFormatProvider provider = null) => (uint)Number.ParseIntegerOrThrow(s, style, 32, false);
        public static uint Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => (uint)Number.ParseIntegerOrThrow(s, style, 32, false);
        public static bool TryParse(string s, out uint result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out uint result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out uint result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out uint result)
        {
            bool ok = Number.TryParseInteger(s, style, 32, false, out ulong bits);
            result = (uint)bits;
            return ok;
        }
    }

    public partial struct Int64 : IFormattable
    {
        public string ToString(string format) => Number.FormatInt64(this, format, 16);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => Number.FormatInt64(this, format, 16);
        public static long Parse(string s) => (long)Number.ParseIntegerOrThrow(s, NumberStyles.Integer, 64, true);
        public static long Parse(string s, IFormatProvider provider) => Parse(s);
        public static long Parse(string s, NumberStyles style, IFormatProvider provider = null) => (long)Number.ParseIntegerOrThrow(s, style, 64, true);
        public static long Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => (long)Number.ParseIntegerOrThrow(s, style, 64, true);
        public static bool TryParse(string s, out long result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out long result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out long result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out long result)
        {
            bool ok = Number.TryParseInteger(s, style, 64, true, out ulong bits);
            result = (long)bits;
            return ok;
        }
    }

    public partial struct UInt64 : IFormattable
    {
        public string ToString(string format) => Number.FormatUInt64(this, format, 16);
        public string ToString(IFormatProvider provider) => ToString();
        public string ToString(string format, IFormatProvider provider) => Number.FormatUInt64(this, format, 16);
        public static ulong Parse(string s) => (ulong)Number.ParseIntegerOrThrow(s, NumberStyles.Integer, 64, false);
        public static ulong Parse(string s, IFormatProvider provider) => Parse(s);
        public static ulong Parse(string s, NumberStyles style, IFormatProvider provider = null) => (ulong)Number.ParseIntegerOrThrow(s, style, 64, false);
        public static ulong Parse(ReadOnlySpan<char> s, NumberStyles style = NumberStyles.Integer, IFormatProvider provider = null) => (ulong)Number.ParseIntegerOrThrow(s, style, 64, false);
        public static bool TryParse(string s, out ulong result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Integer, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out ulong result) => TryParse(s, NumberStyles.Integer, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out ulong result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);

        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out ulong result)
        {
            bool ok = Number.TryParseInteger(s, style, 64, false, out ulong bits);
            result = (ulong)bits;
            return ok;
        }
    }
}
