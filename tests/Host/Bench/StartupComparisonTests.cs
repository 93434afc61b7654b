using Nacre.Host.Bench;

namespace Nacre.Host.Tests.Bench;

/// <summary><c>nacre bench hvm</c>'s side-by-side start-up table and CDF chart, from known samples.</summary>
public sealed class StartupComparisonTests
{
    private const double TscHz = 1e9; // 1,000 cycles per µs

    private static List<StartupComparison.Source> Sources() =>
    [
        new("Linux: /bin/true", [400_000, 500_000, 600_000], Baseline: true),
        new("HRT cold boot to ready", [900_000, 1_000_000, 5_000_000]),
    ];

    [Fact]
    public void TableShowsMediansAndRatiosToTheBaseline()
    {
        var lines = StartupComparison.Lines(Sources(), TscHz).ToList();
        Assert.Contains(lines, l => l.Contains("ratio = median / Linux: /bin/true's median"));
        var hrt = lines.Single(l => l.TrimStart().StartsWith("HRT cold boot", StringComparison.Ordinal));
        Assert.Equal(["900", "1000", "5000", "2.00×"], hrt.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^4..]);
        Assert.EndsWith("1.00×", lines.Single(l => l.TrimStart().StartsWith("Linux", StringComparison.Ordinal)));
        Assert.Empty(StartupComparison.Lines([], TscHz));
    }

    [Fact]
    public void PlotIsAPng()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nacre-startup-").FullName, "sub", "startup.png");
        Assert.Equal(path, StartupComparison.WritePlot(Sources(), TscHz, path));
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }
}
