using System.Globalization;

namespace System
{
    // Text to numbers with the invariant culture: NumberStyles decide what may surround the digits.
    // Integers accumulate with overflow checks; doubles and floats collect their significant
    // digits and round once (FloatParser).
    internal static unsafe partial class Number
    {
        internal enum ParseStatus { Ok, Format, Overflow }

        private const int MaxParseDigits = 780; // beyond every midpoint's digits: one sticky digit stands for the rest

        private static bool IsWhite(char c) => c == ' ' || (c >= '\t' && c <= '\r');

        /// <summary>
        /// Integer text under styles. The result is the value's two's-complement bits; `bits` is the
        /// type's width, `signed` whether it may be negative. Hex text may fill all bits (FFFFFFFF is -1).
        /// </summary>
        public static ParseStatus ParseInteger(ReadOnlySpan<char> s, NumberStyles styles, int bits, bool signed, out ulong result)
        {
            result = 0;
            int i = 0, end = s.Length;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (i < end && IsWhite(s[i])) i++;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0) while (end > i && IsWhite(s[end - 1])) end--;
            if (i == end) return ParseStatus.Format;
            ulong limit = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            bool overflow = false;
            if ((styles & NumberStyles.AllowHexSpecifier) != 0)
            {
                ulong v = 0;
                for (; i < end; i++)
                {
                    char c = s[i];
                    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (d < 0) return ParseStatus.Format;
                    if (v > (limit >> 4)) overflow = true;
                    v = (v << 4) | (uint)d;
                }
                result = v;
                return overflow ? ParseStatus.Overflow : ParseStatus.Ok;
            }
            // Decimal text goes through the digits, so exponents and fractions work as in .NET:
            // "120E-1" is 12, while a non-zero fraction ("1.5") cannot be an integer (overflow).
            byte* digitStore = stackalloc byte[NumberBuffer.Capacity];
            var num = new NumberBuffer(digitStore);
            if (!ParseDecimal(s, styles, ref num)) return ParseStatus.Format;
            if (num.Count > num.Scale || num.Scale > 20) return ParseStatus.Overflow;
            ulong magnitude = 0;
            for (int k = 0; k < num.Scale; k++)
            {
                ulong d = (ulong)num.Digit(k);
                if (magnitude > (ulong.MaxValue - d) / 10) return ParseStatus.Overflow;
                magnitude = magnitude * 10 + d;
            }
            // .NET lets an unsigned type read a negative zero only as plain "-0…0" or "(0…0)" (its fast path);
            // "-0.0", "(0)" and the like take its general path, which rejects any negative.
            if (num.Negative && !signed && !(s[i] == '-' && AllZeros(s.Slice(i + 1, end - i - 1)))
                && !(s[i] == '(' && s[end - 1] == ')' && AllZeros(s.Slice(i + 1, end - i - 2)))) return ParseStatus.Overflow;
            bool negative = num.Negative && magnitude != 0;
            ulong maxMagnitude = signed ? (negative ? (limit >> 1) + 1 : limit >> 1) : (negative ? 0 : limit);
            if (magnitude > maxMagnitude) return ParseStatus.Overflow;
            result = negative ? (ulong)(-(long)magnitude) & limit : magnitude;
            return ParseStatus.Ok;
        }

        private static bool AllZeros(ReadOnlySpan<char> s)
        {
            for (int k = 0; k < s.Length; k++) if (s[k] != '0') return false;
            return s.Length > 0;
        }

        /// <summary>Decimal text ([sign] digits [. digits] [e [sign] digits]) into num; false when malformed.</summary>
        private static bool ParseDecimal(ReadOnlySpan<char> s, NumberStyles styles, ref NumberBuffer num)
        {
            int i = 0, end = s.Length;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (i < end && IsWhite(s[i])) i++;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0) while (end > i && IsWhite(s[end - 1])) end--;
            if (i == end) return false;
            num.Negative = false;
            bool parens = false, signed = false;
            if ((styles & NumberStyles.AllowLeadingSign) != 0 && (s[i] == '-' || s[i] == '+')) { num.Negative = s[i] == '-'; signed = true; i++; }
            else if ((styles & NumberStyles.AllowParentheses) != 0 && s[i] == '(')
            {
                if (s[end - 1] != ')') return false;
                num.Negative = parens = true;
                i++;
                end--;
            }
            if ((styles & NumberStyles.AllowCurrencySymbol) != 0 && i < end && s[i] == '¤') i++;
            if ((styles & NumberStyles.AllowTrailingSign) != 0 && !parens && end > i && (s[end - 1] == '-' || s[end - 1] == '+'))
            {
                if (signed) return false; // one sign only
                num.Negative = s[end - 1] == '-';
                end--;
            }
            int count = 0, scale = 0, digits = 0;
            bool sticky = false, inFraction = false;
            for (; i < end; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9')
                {
                    digits++;
                    if (c == '0' && count == 0) { if (inFraction) scale--; continue; }
                    if (count < MaxParseDigits) num.Digits[count++] = (byte)c;
                    else if (c != '0') sticky = true;
                    if (!inFraction) scale++;
                }
                else if (c == '.' && (styles & NumberStyles.AllowDecimalPoint) != 0 && !inFraction) inFraction = true;
                else if (c == ',' && (styles & NumberStyles.AllowThousands) != 0 && digits > 0 && !inFraction) { }
                else break;
            }
            if (digits == 0) return false;
            if (i < end && (s[i] == 'e' || s[i] == 'E') && (styles & NumberStyles.AllowExponent) != 0)
            {
                int j = i + 1;
                bool expNegative = false;
                if (j < end && (s[j] == '+' || s[j] == '-')) { expNegative = s[j] == '-'; j++; }
                if (j >= end || s[j] < '0' || s[j] > '9') return false;
                int exp = 0;
                for (; j < end && s[j] >= '0' && s[j] <= '9'; j++) if (exp < 100000) exp = exp * 10 + (s[j] - '0');
                scale += expNegative ? -exp : exp;
                i = j;
            }
            if (i != end) return false;
            while (count > 0 && num.Digits[count - 1] == '0') count--;
            if (sticky) num.Digits[count++] = (byte)'1';
            num.Count = count;
            num.Scale = count == 0 ? 0 : scale;
            return true;
        }

        public static bool TryParseDouble(ReadOnlySpan<char> s, NumberStyles styles, out double result)
        {
            byte* digits = stackalloc byte[NumberBuffer.Capacity];
            var num = new NumberBuffer(digits);
            if (ParseDecimal(s, styles, ref num)) { result = FloatParser.ToDouble(ref num); return true; }
            return TryParseSpecial(s, out result);
        }

        public static bool TryParseSingle(ReadOnlySpan<char> s, NumberStyles styles, out float result)
        {
            byte* digits = stackalloc byte[NumberBuffer.Capacity];
            var num = new NumberBuffer(digits);
            if (ParseDecimal(s, styles, ref num)) { result = FloatParser.ToSingle(ref num); return true; }
            bool ok = TryParseSpecial(s, out double d);
            result = (float)d;
            return ok;
        }

        /// <summary>"NaN" and "Infinity" with an optional sign, in any case, surrounded by white space.</summary>
        private static bool TryParseSpecial(ReadOnlySpan<char> s, out double result)
        {
            result = 0;
            int i = 0, end = s.Length;
            while (i < end && IsWhite(s[i])) i++;
            while (end > i && IsWhite(s[end - 1])) end--;
            bool negative = false;
            if (i < end && (s[i] == '-' || s[i] == '+')) { negative = s[i] == '-'; i++; }
            ReadOnlySpan<char> word = s.Slice(i, end - i);
            if (EqualsIgnoreCase(word, "NaN")) { result = double.NaN; return true; }
            if (EqualsIgnoreCase(word, "Infinity"))
            {
                result = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            }
            return false;
        }

        private static bool EqualsIgnoreCase(ReadOnlySpan<char> a, string b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
                if (char.ToLower(a[i]) != char.ToLower(b[i])) return false;
            return true;
        }
    }
}
