using System.Text;

namespace System
{
    public sealed partial class String
    {
        public static string Format(string format, object arg0) => Format(null, format, new[] { arg0 });
        public static string Format(string format, object arg0, object arg1) => Format(null, format, new[] { arg0, arg1 });
        public static string Format(string format, object arg0, object arg1, object arg2) => Format(null, format, new[] { arg0, arg1, arg2 });
        public static string Format(string format, params object[] args) => Format(null, format, args);

        public static string Format(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null) ThrowHelpers.ThrowArgumentNullException("args");
            var sb = new StringBuilder(format == null ? 16 : format.Length + 8 * args.Length);
            CompositeFormat.Append(sb, provider, format, args);
            return sb.ToString();
        }
    }
}
