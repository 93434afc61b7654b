using System.Globalization;

namespace System
{
    // Parsing and IFormattable for double and float: correctly rounded (Number.FloatParser).

    public partial struct Double : IFormattable
    {
        public static double Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);
        public static double Parse(string s, IFormatProvider provider) => Parse(s);
        public static double Parse(string s, NumberStyles style, IFormatProvider provider = null)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNullException("s");
            if (!TryParse((ReadOnlySpan<char>)s, style, provider, out double result)) ThrowHelpers.ThrowFormatException();
            return result;
        }
        public static bool TryParse(string s, out double result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out double result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out double result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out double result) => Number.TryParseDouble(s, style, out result);
    }

    public partial struct Single : IFormattable
    {
        public static float Parse(string s) => Parse(s, NumberStyles.Float | NumberStyles.AllowThousands, null);
        public static float Parse(string s, IFormatProvider provider) => Parse(s);
        public static float Parse(string s, NumberStyles style, IFormatProvider provider = null)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNullException("s");
            if (!TryParse((ReadOnlySpan<char>)s, style, provider, out float result)) ThrowHelpers.ThrowFormatException();
            return result;
        }
        public static bool TryParse(string s, out float result) => TryParse((ReadOnlySpan<char>)s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);
        public static bool TryParse(ReadOnlySpan<char> s, out float result) => TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, null, out result);
        public static bool TryParse(string s, NumberStyles style, IFormatProvider provider, out float result) => TryParse((ReadOnlySpan<char>)s, style, provider, out result);
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider, out float result) => Number.TryParseSingle(s, style, out result);
    }
}
