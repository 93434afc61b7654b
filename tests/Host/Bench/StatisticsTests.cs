using Nacre.Host.Bench;

namespace Nacre.Host.Tests.Bench;

/// <summary>The one statistics class every source's samples go through.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void SummarisesUnsortedSamples()
    {
        var s = Statistics.Of([5, 1, 4, 2, 3]);

        Assert.Equal(5, s.Count);
        Assert.Equal(1, s.Min);
        Assert.Equal(3, s.Median);
        Assert.Equal(5, s.P99);
        Assert.Equal(5, s.Max);
        Assert.Equal(3.0, s.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), s.StdDev, 12);      // sample standard deviation (n − 1)
        Assert.Equal(Math.Sqrt(2.5) / 3, s.Cv, 12);
    }

    [Fact]
    public void PercentilesAreNearestRankSoTheyAreMeasuredValues()
    {
        var samples = Enumerable.Range(1, 1000).Select(i => (long)i).ToArray();
        var s = Statistics.Of(samples);

        Assert.Equal(500, s.Median);          // even count: the lower middle sample
        Assert.Equal(990, s.P99);             // ceil(0.99 · 1000) = 990th sample
        Assert.Equal(1, Statistics.Percentile(samples, 0));
        Assert.Equal(1000, Statistics.Percentile(samples, 100));
        Assert.Equal(1, Statistics.Percentile(samples, 0.1));
    }

    [Fact]
    public void ATailShowsInP99AndTheTailRatio()
    {
        var samples = Enumerable.Repeat(100L, 980).Concat(Enumerable.Repeat(1000L, 20)).ToArray();
        var s = Statistics.Of(samples);

        Assert.Equal(100, s.Median);
        Assert.Equal(1000, s.P99);
        Assert.Equal(10.0, s.TailRatio, 12);
    }

    [Fact]
    public void OneSampleHasNoSpread()
    {
        var s = Statistics.Of([42]);

        Assert.Equal(42, s.Min);
        Assert.Equal(42, s.Median);
        Assert.Equal(42, s.P99);
        Assert.Equal(0, s.StdDev);
        Assert.Equal(0, s.Cv);
    }

    [Fact]
    public void SignedSamplesAreAllowed()
    {
        var s = Statistics.Of([-10, 0, 10]);

        Assert.Equal(-10, s.Min);
        Assert.Equal(0, s.Median);
        Assert.Equal(0, s.Mean, 12);
        Assert.Equal(0, s.Cv);                 // undefined for a zero mean: reported as 0
    }

    [Fact]
    public void NoSamplesIsAnError() => Assert.Throws<ArgumentException>(() => Statistics.Of(Array.Empty<long>()));
}
