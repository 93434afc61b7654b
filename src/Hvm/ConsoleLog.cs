using System.Text;

namespace Nacre.Hvm;

/// <summary>
/// Assembles the guest's console bytes into lines (one buffer per vCPU, so that two cores writing
/// at once do not interleave characters), keeps the last <see cref="Capacity"/> lines for error
/// reports and hands each line to the user's callback.
/// </summary>
internal sealed class ConsoleLog(int cpus, Action<string>? callback)
{
    public const int Capacity = 50;

    private readonly List<byte>[] _partial = Enumerable.Range(0, cpus).Select(_ => new List<byte>()).ToArray();
    private readonly Queue<string> _last = new();

    /// <summary>Called on vCPU <paramref name="cpu"/>'s thread only.</summary>
    public void Write(int cpu, ReadOnlySpan<byte> bytes)
    {
        var line = _partial[cpu];
        foreach (var b in bytes)
        {
            if (b == (byte)'\n')
                Complete(cpu);
            else if (b != (byte)'\r')
                line.Add(b);
        }
    }

    public void Write(int cpu, byte b) => Write(cpu, [b]);

    /// <summary>Emits the unterminated lines (at teardown, when the vCPU threads have ended).</summary>
    public void Flush()
    {
        for (var cpu = 0; cpu < _partial.Length; cpu++)
            if (_partial[cpu].Count > 0)
                Complete(cpu);
    }

    public IReadOnlyList<string> LastLines()
    {
        lock (_last)
            return [.. _last];
    }

    private void Complete(int cpu)
    {
        var text = Encoding.UTF8.GetString([.. _partial[cpu]]);
        _partial[cpu].Clear();
        lock (_last)
        {
            if (_last.Count == Capacity)
                _last.Dequeue();
            _last.Enqueue(text);
        }
        callback?.Invoke(text);
    }
}
