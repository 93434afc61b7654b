using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Number ↔ text conversions for the primitive types (invariant culture only).</summary>
    internal static unsafe partial class Number
    {
        public static string UInt64ToString(ulong value)
        {
            char* buf = stackalloc char[20];
            int pos = 20;
            do
            {
                buf[--pos] = (char)('0' + (int)(value % 10));
                value /= 10;
            } while (value != 0);
            return new string(buf, pos, 20 - pos);
        }

        public static string Int64ToString(long value)
        {
            if (value >= 0) return UInt64ToString((ulong)value);
            char* buf = stackalloc char[21];
            int pos = 21;
            ulong v = (ulong)(-(value + 1)) + 1; // safe for long.MinValue
            do
            {
                buf[--pos] = (char)('0' + (int)(v % 10));
                v /= 10;
            } while (v != 0);
            buf[--pos] = '-';
            return new string(buf, pos, 21 - pos);
        }

        public static string FormatUInt64(ulong value, string format, int typeHexDigits) =>
            string.IsNullOrEmpty(format) ? UInt64ToString(value) : FormatInteger(value, false, value, typeHexDigits, format);

        public static string FormatInt64(long value, string format, int typeHexDigits) =>
            string.IsNullOrEmpty(format) ? Int64ToString(value)
            : FormatInteger(value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, value < 0, (ulong)value, typeHexDigits, format);

        /// <summary>Parse for an integer type of `bits` width: FormatException, OverflowException or the value's bits.</summary>
        public static ulong ParseIntegerOrThrow(string s, Globalization.NumberStyles styles, int bits, bool signed)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNullException("s");
            return ParseIntegerOrThrow((ReadOnlySpan<char>)s, styles, bits, signed);
        }

        public static ulong ParseIntegerOrThrow(ReadOnlySpan<char> s, Globalization.NumberStyles styles, int bits, bool signed)
        {
            ParseStatus status = ParseInteger(s, styles, bits, signed, out ulong result);
            if (status == ParseStatus.Format) ThrowHelpers.ThrowFormatException();
            if (status == ParseStatus.Overflow) ThrowHelpers.ThrowOverflowException();
            return result;
        }

        public static bool TryParseInteger(ReadOnlySpan<char> s, Globalization.NumberStyles styles, int bits, bool signed, out ulong result)
        {
            if (ParseInteger(s, styles, bits, signed, out result) == ParseStatus.Ok) return true;
            result = 0;
            return false;
        }
    }
}
