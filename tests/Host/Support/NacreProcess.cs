using System.Diagnostics;
using System.Text;

namespace Nacre.Host.Tests.Support;

/// <summary>
/// The ./nacre script as a real process whose stdin the test writes, as a person at a terminal
/// (or a pipe) would: for <c>nacre run --shell</c>, where QEMU reads nacre's own stdin.
/// </summary>
public sealed class NacreProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _pumps;

    public NacreProcess(params string[] args)
    {
        var startInfo = new ProcessStartInfo(Repository.PathOf("nacre"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            startInfo.ArgumentList.Add(arg);
        _process = Process.Start(startInfo) ?? throw new InvalidOperationException("cannot start ./nacre");
        _pumps = Task.WhenAll(Pump(_process.StandardOutput, _stdout), Pump(_process.StandardError, _stderr));
    }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Types text (bytes as they are: "\x7f" is Backspace).</summary>
    public void Send(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    /// <summary>Closes stdin: what the guest has not read yet stays in QEMU's pipe.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until stdout holds <paramref name="text"/> at least <paramref name="count"/> times.</summary>
    public void WaitFor(string text, int count = 1, int seconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Occurrences(Stdout, text) < count)
        {
            Assert.True(DateTime.UtcNow < deadline && !_process.HasExited,
                $"waited for '{text}' x{count}:\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Waits for nacre to end and returns its exit code.</summary>
    public int Finish(int seconds = 180)
    {
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(seconds)), $"nacre did not end:\n{Stdout}\n{Stderr}");
        _pumps.Wait(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    public static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    public override string ToString() => $"--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static Task Pump(StreamReader reader, StringBuilder into) => Task.Run(() =>
    {
        var buffer = new char[4096];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            lock (into) into.Append(buffer, 0, n);
    });
}
