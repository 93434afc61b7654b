namespace System
{
    /// <summary>Supplies culture data to formatting; Nacre has only the invariant culture.</summary>
    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    /// <summary>A value that formats itself with a format string ("F2", "X8", …); composite formatting and $"…" call it.</summary>
    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }
}
