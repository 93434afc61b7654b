namespace System.Text
{
    public sealed partial class StringBuilder
    {
        public StringBuilder AppendFormat(string format, object arg0) => AppendFormat(null, format, new[] { arg0 });
        public StringBuilder AppendFormat(string format, object arg0, object arg1) => AppendFormat(null, format, new[] { arg0, arg1 });
        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) => AppendFormat(null, format, new[] { arg0, arg1, arg2 });
        public StringBuilder AppendFormat(string format, params object[] args) => AppendFormat(null, format, args);

        public StringBuilder AppendFormat(IFormatProvider provider, string format, params object[] args)
        {
            if (args == null) ThrowHelpers.ThrowArgumentNullException("args");
            CompositeFormat.Append(this, provider, format, args);
            return this;
        }

        public StringBuilder Append(float value) => Append(value.ToString());
        public StringBuilder Append(uint value) => Append(value.ToString());
    }
}
