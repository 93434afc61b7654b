using Nacre.Host.Bench;

namespace Nacre.Host.Tests.Bench;

/// <summary>The parser of the lines the kernel image and the C baseline print.</summary>
public sealed class BenchOutputTests
{
    private static readonly string[] Sample =
    [
        "nacre: 2 CPUs up at 189 ms since boot",
        """BENCH-INFO {"mode":"qemu-tcg-ring0","cpus":2,"tsc_hz":2400000000,"tsc_source":"pit","samples":3,"warmup":1,"only":""}""",
        """BENCH {"name":"launch.poll","count":3,"note":"","checks":[{"name":"stop stamp taken on the target CPU","passed":3,"total":3}],"samples":[10,30,20]}""",
        """BENCH {"name":"tsc.skew","count":2,"note":"n","checks":[{"name":"c","passed":1,"total":2}],"samples":[-5,7]}""",
        """BENCH-SKIP {"name":"pingpong","reason":"needs 2 CPUs"}""",
        """BENCH-END {"results":2,"failed_checks":1}""",
    ];

    [Fact]
    public void ParsesInfoResultsSkipsAndEnd()
    {
        var output = BenchOutput.Parse(Sample);

        Assert.Equal("qemu-tcg-ring0", output.Mode);
        Assert.Equal(2, output.Cpus);
        Assert.Equal(2.4e9, output.TscHz);
        Assert.Equal(2, output.Results.Count);
        var launch = output.Find("launch.poll")!;
        Assert.Equal([10L, 30L, 20L], launch.Samples);
        Assert.True(launch.ChecksOk);
        Assert.Equal(2.4e9, launch.TscHz);
        Assert.Equal(20, launch.Statistics.Median);
        Assert.Equal(1000.0 / 2.4, launch.ToNs(1000), 9);
        var skew = output.Find("tsc.skew")!;
        Assert.Equal([-5L, 7L], skew.Samples);
        Assert.False(skew.ChecksOk);
        Assert.Equal("n", skew.Note);
        Assert.Equal(("pingpong", "needs 2 CPUs"), Assert.Single(output.Skipped));
        Assert.True(output.Ended);
        Assert.Equal(2, output.EndResults);
        Assert.Equal(1, output.EndFailedChecks);
        Assert.Equal("nacre: 2 CPUs up at 189 ms since boot", Assert.Single(output.OtherLines));
    }

    [Fact]
    public void ALineWithAPrefixStillCounts()
    {
        var output = BenchOutput.Parse([.. Sample.Select(l => "kernel| " + l)]);

        Assert.Equal(2, output.Results.Count);
        Assert.True(output.Ended);
    }

    [Fact]
    public void WithoutEndTheOutputIsIncomplete() => Assert.False(BenchOutput.Parse(Sample[..^1]).Ended);

    [Fact]
    public void ACountThatDisagreesWithTheSamplesIsAnError()
    {
        var e = Assert.Throws<FormatException>(() => BenchOutput.Parse(["""BENCH {"name":"x","count":3,"samples":[1,2]}"""]));
        Assert.Contains("count says 3 but 2 samples follow", e.Message);
    }

    [Fact]
    public void ATruncatedLineIsAnError()
    {
        var e = Assert.Throws<FormatException>(() => BenchOutput.Parse(["""BENCH {"name":"x","count":3,"samples":[1,2"""]));
        Assert.Contains("malformed benchmark line", e.Message);
    }

    [Fact]
    public void WordsThatOnlyLookLikeBenchLinesAreOtherLines()
    {
        var output = BenchOutput.Parse(["BENCH is starting", "BENCHMARK {}"]);

        Assert.Empty(output.Results);
        Assert.Equal(2, output.OtherLines.Count);
    }
}
