using Nacre.Host.Infrastructure;

namespace Nacre.Host.Bench;

/// <summary>The end of `nacre bench` and `nacre bench dotnet`: a session's tables, its JSON and plots.</summary>
public static class BenchPublisher
{
    /// <summary>Prints a session's tables, writes its JSON and plots when asked; the exit code says whether every self-check held.</summary>
    public static int Publish(BenchSession session, string? jsonPath, string? plotDirectory, Terminal terminal)
    {
        foreach (var line in BenchReport.Lines(session))
            terminal.WriteLine(line);
        if (jsonPath is { Length: > 0 })
        {
            BenchJson.Write(session, jsonPath);
            terminal.Progress("bench", $"wrote {jsonPath}");
        }
        if (plotDirectory is { Length: > 0 })
        {
            var written = BenchPlots.Write(session, plotDirectory);
            terminal.Progress("bench", $"wrote {written.Count} plots into {plotDirectory}");
        }
        var failed = session.NacreOutput.Results.Concat(session.LinuxOutput?.Results ?? []).Concat(session.DotNet).Count(r => !r.ChecksOk);
        if (failed > 0)
            terminal.Note($"{failed} benchmark result(s) failed their self-checks (marked with ! above)");
        return failed == 0 ? ExitCodes.Success : ExitCodes.TestsFailed;
    }
}
