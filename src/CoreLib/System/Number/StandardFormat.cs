using System.Text;

namespace System
{
    // Standard numeric format strings ("G", "R", "E3", "F2", "N", "P", "C", "D8", "X4") with the
    // invariant culture, as .NET prints them. Doubles start from their exact digits (or the
    // shortest digits that round-trip) and round once; integers round ties up, as .NET does.
    internal static unsafe partial class Number
    {
        private const string CurrencySymbol = "¤";

        /// <summary>The letter of a standard format and its precision (-1 if none), or '\0' for a custom format.</summary>
        private static char ParseStandard(string format, out int precision)
        {
            precision = -1;
            if (string.IsNullOrEmpty(format)) return 'G';
            char c = format[0];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return '\0';
            if (format.Length == 1) return c;
            int p = 0;
            for (int i = 1; i < format.Length; i++)
            {
                char d = format[i];
                if (d < '0' || d > '9' || i > 9) return '\0';
                p = p * 10 + (d - '0');
            }
            precision = p;
            return c;
        }

        public static string FormatDouble(double value, string format) => FormatFloat(value, format, false);
        public static string FormatSingle(float value, string format) => FormatFloat(value, format, true);

        private static string FormatFloat(double value, string format, bool isSingle)
        {
            char fmt = ParseStandard(format, out int precision);
            if (double.IsNaN(value)) return "NaN";
            if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
            byte* digits = stackalloc byte[NumberBuffer.Capacity];
            var num = new NumberBuffer(digits);
            char* chars = stackalloc char[128];
            var sb = new CharBuffer(chars, 128);
            if (fmt == '\0')
            {
                // Custom formats see the value rounded to 15 (float: 7) significant digits, as in .NET.
                num.SetDouble(value);
                num.Round(isSingle ? 7 : 15, RoundKind.HalfEven);
                CustomFormat(ref sb, ref num, format, false);
                return sb.ToString();
            }
            int roundTrip = isSingle ? 9 : 17;
            switch (fmt)
            {
                case 'R': case 'r':
                    Shortest(value, isSingle, ref num);
                    FormatGeneral(ref sb, ref num, num.Count > roundTrip ? num.Count : roundTrip, fmt == 'R' ? 'E' : 'e');
                    break;
                case 'G': case 'g':
                    if (precision <= 0)
                    {
                        Shortest(value, isSingle, ref num);
                        precision = num.Count > roundTrip ? num.Count : roundTrip;
                    }
                    else
                    {
                        num.SetDouble(value);
                        num.Round(precision, RoundKind.HalfEven);
                    }
                    FormatGeneral(ref sb, ref num, precision, fmt == 'G' ? 'E' : 'e');
                    break;
                default:
                    num.SetDouble(value);
                    if (!FormatFixedFamily(ref sb, ref num, fmt, precision, RoundKind.HalfEven)) ThrowHelpers.ThrowFormatException();
                    break;
            }
            return sb.ToString();
        }

        /// <summary>E, F, N, P and C, shared by doubles and integers.</summary>
        private static bool FormatFixedFamily(ref CharBuffer sb, ref NumberBuffer num, char fmt, int precision, RoundKind rounding)
        {
            switch (fmt)
            {
                case 'E': case 'e':
                    if (precision < 0) precision = 6;
                    num.Round(precision + 1, rounding);
                    if (num.Negative) sb.Append('-');
                    FormatScientific(ref sb, ref num, precision, fmt);
                    return true;
                case 'F': case 'f':
                case 'N': case 'n':
                    if (precision < 0) precision = 2;
                    num.Round(num.Scale + precision, rounding);
                    if (num.Negative) sb.Append('-');
                    FormatFixed(ref sb, ref num, precision, fmt == 'N' || fmt == 'n');
                    return true;
                case 'P': case 'p':
                    if (precision < 0) precision = 2;
                    if (!num.IsZero) num.Scale += 2;
                    num.Round(num.Scale + precision, rounding);
                    if (num.Negative) sb.Append('-');
                    FormatFixed(ref sb, ref num, precision, true);
                    sb.Append(" %");
                    return true;
                case 'C': case 'c':
                    if (precision < 0) precision = 2;
                    num.Round(num.Scale + precision, rounding);
                    if (num.Negative) sb.Append('(');
                    sb.Append(CurrencySymbol);
                    FormatFixed(ref sb, ref num, precision, true);
                    if (num.Negative) sb.Append(')');
                    return true;
            }
            return false;
        }

        private static void FormatFixed(ref CharBuffer sb, ref NumberBuffer num, int precision, bool group)
        {
            int intDigits = num.IsZero ? 0 : num.Scale;
            if (intDigits > 0)
            {
                for (int k = 0; k < intDigits; k++)
                {
                    if (group && k > 0 && (intDigits - k) % 3 == 0) sb.Append(',');
                    sb.Append((char)('0' + num.Digit(k)));
                }
            }
            else sb.Append('0');
            if (precision > 0)
            {
                sb.Append('.');
                for (int j = 0; j < precision; j++)
                {
                    int pos = intDigits + j;
                    sb.Append(pos < 0 ? '0' : (char)('0' + num.Digit(pos)));
                }
            }
        }

        private static void FormatScientific(ref CharBuffer sb, ref NumberBuffer num, int precision, char expChar)
        {
            sb.Append((char)('0' + num.Digit(0)));
            if (precision > 0)
            {
                sb.Append('.');
                for (int i = 1; i <= precision; i++) sb.Append((char)('0' + num.Digit(i)));
            }
            FormatExponent(ref sb, num.IsZero ? 0 : num.Scale - 1, expChar, 3, true);
        }

        /// <summary>"G": fixed unless the exponent reaches nMaxDigits or falls below -5; no trailing zeros.</summary>
        private static void FormatGeneral(ref CharBuffer sb, ref NumberBuffer num, int nMaxDigits, char expChar)
        {
            if (num.Negative) sb.Append('-');
            int scale = num.IsZero ? 0 : num.Scale;
            int digPos = scale;
            bool scientific = false;
            if (digPos > nMaxDigits || digPos < -3) { digPos = 1; scientific = true; }
            int i = 0;
            if (digPos > 0)
            {
                for (; i < digPos; i++) sb.Append((char)('0' + num.Digit(i)));
            }
            else sb.Append('0');
            if (i < num.Count || digPos < 0)
            {
                sb.Append('.');
                for (; digPos < 0; digPos++) sb.Append('0');
                for (; i < num.Count; i++) sb.Append((char)num.Digits[i]);
            }
            if (scientific) FormatExponent(ref sb, scale - 1, expChar, 2, true);
        }

        private static void FormatExponent(ref CharBuffer sb, int exponent, char expChar, int minDigits, bool positiveSign)
        {
            sb.Append(expChar);
            if (exponent < 0) { sb.Append('-'); exponent = -exponent; }
            else if (positiveSign) sb.Append('+');
            char* tmp = stackalloc char[12];
            int n = 0;
            do { tmp[n++] = (char)('0' + exponent % 10); exponent /= 10; } while (exponent != 0);
            for (int k = n; k < minDigits; k++) sb.Append('0');
            while (n > 0) sb.Append(tmp[--n]);
        }

        /// <summary>Integers: magnitude and sign, plus the raw bits and width that "X" prints.</summary>
        public static string FormatInteger(ulong magnitude, bool negative, ulong rawBits, int hexDigits, string format)
        {
            char fmt = ParseStandard(format, out int precision);
            char* chars = stackalloc char[128];
            var sb = new CharBuffer(chars, 128);
            byte* digits = stackalloc byte[24];
            var num = new NumberBuffer(digits);
            num.SetUInt64(magnitude);
            num.Negative = negative;
            switch (fmt)
            {
                case '\0':
                    CustomFormat(ref sb, ref num, format, true);
                    break;
                case 'G': case 'g':
                    if (precision <= 0) goto case 'D';
                    num.Round(precision, RoundKind.HalfUp);
                    FormatGeneral(ref sb, ref num, precision, fmt == 'G' ? 'E' : 'e');
                    break;
                case 'D': case 'd': case 'R': case 'r':
                    if (negative) sb.Append('-');
                    sb.Append('0', precision - (num.Scale > 0 ? num.Scale : 1));
                    if (num.IsZero) sb.Append('0');
                    for (int i = 0; i < num.Scale; i++) sb.Append((char)('0' + num.Digit(i)));
                    break;
                case 'X': case 'x':
                    {
                        if (hexDigits < 16) rawBits &= (1UL << (4 * hexDigits)) - 1;
                        string hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
                        char* tmp = stackalloc char[16];
                        int n = 0;
                        do { tmp[n++] = hex[(int)(rawBits & 15)]; rawBits >>= 4; } while (rawBits != 0);
                        sb.Append('0', precision - n);
                        while (n > 0) sb.Append(tmp[--n]);
                        break;
                    }
                case 'B': case 'b':
                    {
                        if (hexDigits < 16) rawBits &= (1UL << (4 * hexDigits)) - 1;
                        char* tmp = stackalloc char[64];
                        int n = 0;
                        do { tmp[n++] = (char)('0' + (int)(rawBits & 1)); rawBits >>= 1; } while (rawBits != 0);
                        sb.Append('0', precision - n);
                        while (n > 0) sb.Append(tmp[--n]);
                        break;
                    }
                default:
                    if (!FormatFixedFamily(ref sb, ref num, fmt, precision, RoundKind.HalfUp)) ThrowHelpers.ThrowFormatException();
                    break;
            }
            return sb.ToString();
        }

        /// <summary>
        /// The shortest digits that read back as the same value (.NET's "R" and default ToString):
        /// the exact expansion rounded to k digits, for the least k that parses back (found by
        /// bisection: more digits only come closer). When the nearest k-digit candidate falls
        /// just outside the narrower lower half-interval of a power of two, the candidate above
        /// is tried too.
        /// </summary>
        private static void Shortest(double value, bool isSingle, ref NumberBuffer num)
        {
            num.SetDouble(value);
            if (num.IsZero) return;
            byte* store = stackalloc byte[NumberBuffer.Capacity];
            var candidate = new NumberBuffer(store);
            int max = isSingle ? 9 : 17;
            if (num.Count <= max && num.Count > 0) max = num.Count; // the exact digits are short already
            int lo = 1, hi = max; // invariant: hi digits round-trip
            while (lo < hi)
            {
                int k = (lo + hi) / 2;
                if (ShortestCandidate(ref num, ref candidate, k, value, isSingle) != RoundKind.Truncate) hi = k;
                else lo = k + 1;
            }
            RoundKind kind = hi < num.Count ? ShortestCandidate(ref num, ref candidate, hi, value, isSingle) : RoundKind.Truncate;
            if (kind == RoundKind.Truncate) num.Round(hi, RoundKind.HalfEven);
            else num.Round(hi, kind);
        }

        /// <summary>How k digits round-trip: HalfEven or Up for the candidate that does, Truncate if none.</summary>
        private static RoundKind ShortestCandidate(ref NumberBuffer num, ref NumberBuffer candidate, int k, double value, bool isSingle)
        {
            if (k >= num.Count) return RoundKind.HalfEven;
            num.CopyTo(ref candidate);
            candidate.Round(k, RoundKind.HalfEven);
            if (RoundTrips(ref candidate, value, isSingle)) return RoundKind.HalfEven;
            num.CopyTo(ref candidate);
            candidate.Round(k, RoundKind.Up);
            return RoundTrips(ref candidate, value, isSingle) ? RoundKind.Up : RoundKind.Truncate;
        }

        private static bool RoundTrips(ref NumberBuffer candidate, double value, bool isSingle) =>
            isSingle ? FloatParser.ToSingle(ref candidate) == (float)value : FloatParser.ToDouble(ref candidate) == value;
    }
}
