using System.Text;

namespace Nacre.Host.Infrastructure;

/// <summary>Writes each complete line to another writer with a prefix (e.g. "[rank 2] "), so that
/// several processes can share one stream and each line still says whose it is.</summary>
public sealed class PrefixedLineWriter(TextWriter inner, string prefix) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_line)
        {
            if (value == '\n')
                Emit();
            else if (value != '\r')
                _line.Append(value);
        }
    }

    public override void Flush()
    {
        lock (_line)
        {
            if (_line.Length > 0)
                Emit();
            inner.Flush();
        }
    }

    private void Emit()
    {
        inner.WriteLine(prefix + _line);
        inner.Flush();
        _line.Clear();
    }
}
