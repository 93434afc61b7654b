using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Number ↔ text conversions for the primitive types (invariant culture only).</summary>
    internal static unsafe class Number
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

        /// <summary>Hex digits of value, at least minDigits of them.</summary>
        public static string ToHex(ulong value, int minDigits, bool upper)
        {
            char* buf = stackalloc char[16];
            int pos = 16;
            string digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
            do
            {
                buf[--pos] = digits[(int)(value & 0xF)];
                value >>= 4;
            } while (value != 0);
            while (16 - pos < minDigits && pos > 0) buf[--pos] = '0';
            string s = new string(buf, pos, 16 - pos);
            return minDigits > 16 ? s.PadLeft(minDigits, '0') : s;
        }

        /// <summary>Formats with "X"/"x" (hex; width = the default for the type when no digits follow), "D" or "N"-less defaults.</summary>
        public static string FormatUInt64(ulong value, string format, int typeHexDigits)
        {
            if (string.IsNullOrEmpty(format)) return UInt64ToString(value);
            char f = format[0];
            int digits = format.Length > 1 ? ParseDigits(format) : -1;
            if (f == 'X' || f == 'x') return ToHex(value, digits < 0 ? 1 : digits, f == 'X');
            if (f == 'D' || f == 'd') return UInt64ToString(value).PadLeft(digits < 0 ? 0 : digits, '0');
            return UInt64ToString(value);
        }

        public static string FormatInt64(long value, string format, int typeHexDigits)
        {
            if (string.IsNullOrEmpty(format)) return Int64ToString(value);
            char f = format[0];
            int digits = format.Length > 1 ? ParseDigits(format) : -1;
            if (f == 'X' || f == 'x')
            {
                // Negative numbers print in the type's width, as .NET does (-1 as int → FFFFFFFF).
                ulong bits = typeHexDigits == 8 ? (uint)value : (ulong)value;
                return ToHex(bits, digits < 0 ? 1 : digits, f == 'X');
            }
            if (f == 'D' || f == 'd')
            {
                if (value >= 0) return UInt64ToString((ulong)value).PadLeft(digits < 0 ? 0 : digits, '0');
                return string.Concat("-", UInt64ToString((ulong)(-(value + 1)) + 1).PadLeft(digits < 0 ? 0 : digits, '0'));
            }
            return Int64ToString(value);
        }

        private static int ParseDigits(string format)
        {
            int d = 0;
            for (int i = 1; i < format.Length; i++)
            {
                char c = format[i];
                if (c < '0' || c > '9') return -1;
                d = d * 10 + (c - '0');
            }
            return d;
        }

        public static long ParseInt64(string s)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNullException("s");
            int i = 0;
            bool neg = false;
            if (i < s.Length && (s[i] == '-' || s[i] == '+')) { neg = s[i] == '-'; i++; }
            if (i >= s.Length) ThrowHelpers.ThrowFormatException();
            long v = 0;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9') ThrowHelpers.ThrowFormatException();
                v = checked(v * 10 + (c - '0'));
            }
            return neg ? -v : v;
        }

        /// <summary>
        /// Shortest-looking decimal text for a double: 15 significant digits with trailing zeros
        /// removed (what .NET prints for every value that round-trips at 15 digits), exponent form
        /// outside [1e-4, 1e15).
        /// </summary>
        public static string DoubleToString(double value)
        {
            if (double.IsNaN(value)) return "NaN";
            if (value == double.PositiveInfinity) return "∞";
            if (value == double.NegativeInfinity) return "-∞";
            if (value == 0) return (1 / value) < 0 ? "-0" : "0";

            char* buf = stackalloc char[40];
            int pos = 0;
            if (value < 0) { buf[pos++] = '-'; value = -value; }

            // Scale into [1e14, 1e15) to pull out 15 significant digits.
            int exp10 = 0;
            double v = value;
            while (v >= 1e15) { v /= 10; exp10++; }
            while (v < 1e14) { v *= 10; exp10--; }
            ulong mant = (ulong)(v + 0.5);
            if (mant >= 1000000000000000UL) { mant /= 10; exp10++; }

            char* digits = stackalloc char[15];
            for (int i = 14; i >= 0; i--) { digits[i] = (char)('0' + (int)(mant % 10)); mant /= 10; }
            int nd = 15;
            while (nd > 1 && digits[nd - 1] == '0') nd--;

            int decimalExponent = exp10 + 14; // value = d.ddd × 10^decimalExponent
            if (decimalExponent >= 15 || decimalExponent < -4) // as .NET: 0.0001 stays fixed, 0.00001 is 1E-05
            {
                buf[pos++] = digits[0];
                if (nd > 1)
                {
                    buf[pos++] = '.';
                    for (int i = 1; i < nd; i++) buf[pos++] = digits[i];
                }
                buf[pos++] = 'E';
                buf[pos++] = decimalExponent < 0 ? '-' : '+';
                int e = decimalExponent < 0 ? -decimalExponent : decimalExponent;
                int start = pos;
                if (e >= 100) buf[pos++] = (char)('0' + e / 100);
                buf[pos++] = (char)('0' + e / 10 % 10);
                buf[pos++] = (char)('0' + e % 10);
                if (pos - start < 3) { }
            }
            else if (decimalExponent < 0)
            {
                buf[pos++] = '0';
                buf[pos++] = '.';
                for (int i = -1; i > decimalExponent; i--) buf[pos++] = '0';
                for (int i = 0; i < nd; i++) buf[pos++] = digits[i];
            }
            else
            {
                for (int i = 0; i <= decimalExponent; i++) buf[pos++] = i < nd ? digits[i] : '0';
                if (nd > decimalExponent + 1)
                {
                    buf[pos++] = '.';
                    for (int i = decimalExponent + 1; i < nd; i++) buf[pos++] = digits[i];
                }
            }
            return new string(buf, 0, pos);
        }

        /// <summary>"F"/"N" with a digit count (fixed point), "E" (exponent), "G"/empty (as ToString).</summary>
        public static string FormatSingle(float value, string format) => FormatDouble(value, format);

        public static string FormatDouble(double value, string format)
        {
            if (string.IsNullOrEmpty(format)) return DoubleToString(value);
            char f = format[0];
            int digits = format.Length > 1 ? ParseDigits(format) : 2;
            if (digits < 0 || digits > 15) return DoubleToString(value);
            if ((f == 'F' || f == 'f' || f == 'N' || f == 'n') && !double.IsNaN(value) && !double.IsInfinity(value) && value < 9.2e18 && value > -9.2e18)
            {
                bool neg = value < 0;
                if (neg) value = -value;
                double scale = 1;
                for (int i = 0; i < digits; i++) scale *= 10;
                double scaled = value * scale + 0.5;
                if (scaled >= 1.8e19) return DoubleToString(neg ? -value : value);
                ulong n = (ulong)scaled;
                ulong ipart = (ulong)(n / (ulong)scale);
                ulong fpart = n - ipart * (ulong)scale;
                string s = UInt64ToString(ipart);
                if (digits > 0) s = string.Concat(s, ".", UInt64ToString(fpart).PadLeft(digits, '0'));
                return neg && n != 0 ? string.Concat("-", s) : s;
            }
            return DoubleToString(value);
        }
    }
}
