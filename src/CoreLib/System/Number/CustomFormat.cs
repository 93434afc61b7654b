using System.Text;

namespace System
{
    // Custom numeric format strings: "0.00", "#,##0.0", "0.###E+0", "0.0;(0.0);zero", "0%",
    // quoted literals and escapes, with .NET's rules for sections, group separators, scaling
    // commas and rounding (ties up, on the digits the value was reduced to).
    internal static unsafe partial class Number
    {
        private static void CustomFormat(ref CharBuffer sb, ref NumberBuffer num, string format, bool isInteger)
        {
            int section = FindSection(format, num.IsZero ? 2 : num.Negative ? 1 : 0);
            int digitCount, decimalPos, firstDigit, lastDigit, scaleAdjust, thousandPos, thousandCount;
            bool scientific, thousandSeps;
            while (true)
            {
                digitCount = 0; decimalPos = -1; firstDigit = int.MaxValue; lastDigit = 0;
                scientific = false; thousandPos = -1; thousandCount = 0; thousandSeps = false; scaleAdjust = 0;
                int src = section;
                char ch;
                while (src < format.Length && (ch = format[src++]) != ';')
                {
                    switch (ch)
                    {
                        case '#': digitCount++; break;
                        case '0':
                            if (firstDigit == int.MaxValue) firstDigit = digitCount;
                            digitCount++;
                            lastDigit = digitCount;
                            break;
                        case '.': if (decimalPos < 0) decimalPos = digitCount; break;
                        case ',':
                            if (digitCount > 0 && decimalPos < 0)
                            {
                                if (thousandPos >= 0)
                                {
                                    if (thousandPos == digitCount) { thousandCount++; break; }
                                    thousandSeps = true;
                                }
                                thousandPos = digitCount;
                                thousandCount = 1;
                            }
                            break;
                        case '%': scaleAdjust += 2; break;
                        case '\u2030': scaleAdjust += 3; break;
                        case '\'': case '"':
                            while (src < format.Length && format[src++] != ch) { }
                            break;
                        case '\\': if (src < format.Length) src++; break;
                        case 'E': case 'e':
                            if ((src < format.Length && format[src] == '0') ||
                                (src + 1 < format.Length && (format[src] == '+' || format[src] == '-') && format[src + 1] == '0'))
                            {
                                while (++src < format.Length && format[src] == '0') { }
                                scientific = true;
                            }
                            break;
                    }
                }
                if (decimalPos < 0) decimalPos = digitCount;
                if (thousandPos >= 0)
                {
                    if (thousandPos == decimalPos) scaleAdjust -= thousandCount * 3;
                    else thousandSeps = true;
                }
                if (!num.IsZero)
                {
                    num.Scale += scaleAdjust;
                    int pos = scientific ? digitCount : num.Scale + digitCount - decimalPos;
                    num.Round(pos, RoundKind.HalfUp);
                    if (num.IsZero)
                    {
                        num.Scale = 0;
                        if (isInteger) num.Negative = false;
                        int zeroSection = FindSection(format, 2);
                        if (zeroSection != section) { section = zeroSection; continue; }
                    }
                }
                else
                {
                    if (isInteger) num.Negative = false;
                    num.Scale = 0;
                }
                break;
            }

            firstDigit = firstDigit < decimalPos ? decimalPos - firstDigit : 0;
            lastDigit = lastDigit > decimalPos ? decimalPos - lastDigit : 0;
            int digPos, adjust;
            if (scientific) { digPos = decimalPos; adjust = 0; }
            else
            {
                digPos = num.Scale > decimalPos ? num.Scale : decimalPos;
                adjust = num.Scale - decimalPos;
            }

            // Where group separators go, counted from the decimal point (groups of three).
            int groupsBelow = 0;
            if (thousandSeps)
            {
                int totalDigits = digPos + (adjust < 0 ? adjust : 0);
                int numDigits = firstDigit > totalDigits ? firstDigit : totalDigits;
                groupsBelow = numDigits > 3 ? (numDigits - 1) / 3 : 0;
            }
            int start = sb.Length;
            if (num.Negative && section == 0 && num.Scale != 0) sb.Append('-');
            bool decimalWritten = false;
            int cur = 0;
            int s2 = section;
            char c;
            while (s2 < format.Length && (c = format[s2++]) != ';')
            {
                if (adjust > 0 && (c == '#' || c == '0' || c == '.'))
                {
                    while (adjust > 0)
                    {
                        sb.Append(cur < num.Count ? (char)num.Digits[cur++] : '0');
                        if (thousandSeps && digPos > 1 && groupsBelow > 0 && digPos == groupsBelow * 3 + 1) { sb.Append(','); groupsBelow--; }
                        digPos--;
                        adjust--;
                    }
                }
                switch (c)
                {
                    case '#': case '0':
                        {
                            char d;
                            if (adjust < 0) { adjust++; d = digPos <= firstDigit ? '0' : '\0'; }
                            else d = cur < num.Count ? (char)num.Digits[cur++] : digPos > lastDigit ? '0' : '\0';
                            if (d != '\0')
                            {
                                sb.Append(d);
                                if (thousandSeps && digPos > 1 && groupsBelow > 0 && digPos == groupsBelow * 3 + 1) { sb.Append(','); groupsBelow--; }
                            }
                            digPos--;
                            break;
                        }
                    case '.':
                        if (digPos != 0 || decimalWritten) break;
                        if (lastDigit < 0 || (decimalPos < digitCount && cur < num.Count))
                        {
                            sb.Append('.');
                            decimalWritten = true;
                        }
                        break;
                    case '\u2030': sb.Append('\u2030'); break;
                    case '%': sb.Append('%'); break;
                    case ',': break;
                    case '\'': case '"':
                        while (s2 < format.Length && format[s2] != c) sb.Append(format[s2++]);
                        if (s2 < format.Length) s2++;
                        break;
                    case '\\':
                        if (s2 < format.Length) sb.Append(format[s2++]);
                        break;
                    case 'E': case 'e':
                        {
                            bool positiveSign = false;
                            int i = 0;
                            if (scientific)
                            {
                                if (s2 < format.Length && format[s2] == '0') i++;
                                else if (s2 + 1 < format.Length && format[s2] == '+' && format[s2 + 1] == '0') positiveSign = true;
                                else if (s2 + 1 < format.Length && format[s2] == '-' && format[s2 + 1] == '0') { }
                                else { sb.Append(c); break; }
                                while (++s2 < format.Length && format[s2] == '0') i++;
                                if (i > 10) i = 10;
                                int exp = num.IsZero ? 0 : num.Scale - decimalPos;
                                FormatExponent(ref sb, exp, c, i, positiveSign);
                                scientific = false;
                            }
                            else
                            {
                                sb.Append(c);
                                if (s2 < format.Length)
                                {
                                    if (format[s2] == '+' || format[s2] == '-') sb.Append(format[s2++]);
                                    while (s2 < format.Length && format[s2] == '0') sb.Append(format[s2++]);
                                }
                            }
                            break;
                        }
                    default: sb.Append(c); break;
                }
            }
            if (num.Negative && section == 0 && num.Scale == 0 && sb.Length > start) sb.Insert(start, '-');
        }

        /// <summary>The start of section 0 (positive), 1 (negative) or 2 (zero); 0 when the format lacks it.</summary>
        private static int FindSection(string format, int section)
        {
            if (section == 0) return 0;
            int src = 0;
            while (true)
            {
                if (src >= format.Length) return 0;
                char ch = format[src++];
                switch (ch)
                {
                    case '\'': case '"':
                        while (src < format.Length && format[src++] != ch) { }
                        break;
                    case '\\':
                        if (src < format.Length) src++;
                        break;
                    case ';':
                        if (--section != 0) break;
                        if (src < format.Length && format[src] != ';') return src;
                        return 0;
                }
            }
        }
    }
}
