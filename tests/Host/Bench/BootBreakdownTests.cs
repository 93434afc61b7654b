using Nacre.Host.Bench;
using Nacre.Hvm;

namespace Nacre.Host.Tests.Bench;

/// <summary>The per-stage boot breakdown of <c>nacre bench hvm</c>, from known marks.</summary>
public sealed class BootBreakdownTests
{
    private static BootMark Vmm(string stage, double us) => new(stage, TimeSpan.FromMicroseconds(us), false);
    private static BootMark Guest(string stage, double us) => new(stage, TimeSpan.FromMicroseconds(us), true);

    private static IReadOnlyList<BootMark> Boot(double scale) =>
    [
        Vmm("KVM_CREATE_VM", 100 * scale), Vmm("vCPU threads started", 300 * scale),
        Guest("guest entry", 400 * scale), Guest("memory", 700 * scale), Guest("CPUs up", 800 * scale),
        Guest("Main", 850 * scale), Guest("ready (guest)", 900 * scale), Vmm("ready (host)", 950 * scale),
    ];

    [Fact]
    public void MediansPerStageInBootOrder()
    {
        var rows = BootBreakdown.From([Boot(1), Boot(3), Boot(2)]);
        Assert.Equal(["KVM_CREATE_VM", "vCPU threads started", "guest entry", "memory", "CPUs up", "Main", "ready (guest)", "ready (host)"], rows.Select(r => r.Stage));
        var memory = rows.Single(r => r.Stage == "memory");
        Assert.True(memory.InGuest);
        Assert.Equal(3, memory.Boots);
        Assert.Equal(1400, memory.MedianAtUs, 0.001);      // 700, 2100, 1400
        Assert.Equal(600, memory.MedianStepUs, 0.001);     // 300, 900, 600
        Assert.False(rows[0].InGuest);
    }

    [Fact]
    public void SummaryGivesTheIssuesSpans()
    {
        var summary = BootBreakdown.Summary(BootBreakdown.From([Boot(1)])).ToDictionary(s => s.Span, s => s.Us);
        Assert.Equal(300, summary["VM set-up"]!.Value, 0.001);
        Assert.Equal(100, summary["guest start (first entry, hvm.S)"]!.Value, 0.001);
        Assert.Equal(300, summary["memory init"]!.Value, 0.001);
        Assert.Equal(100, summary["runtime, interrupts, CPUs up"]!.Value, 0.001);
        Assert.Equal(50, summary["to Main"]!.Value, 0.001);
        Assert.Equal(50, summary["to ready (guest)"]!.Value, 0.001);
        Assert.Equal(50, summary["ready seen by the host"]!.Value, 0.001);
    }

    [Fact]
    public void StagesMissingFromSomeBootsCountOnlyTheOthers()
    {
        // A boot without guest stamps (e.g. an image built before the timeline) still reports the VMM's.
        var rows = BootBreakdown.From([Boot(1), [Vmm("KVM_CREATE_VM", 200), Vmm("vCPU threads started", 500), Vmm("ready (host)", 2000)]]);
        Assert.Equal(1, rows.Single(r => r.Stage == "memory").Boots);
        Assert.Equal(2, rows.Single(r => r.Stage == "ready (host)").Boots);
        var summary = BootBreakdown.Summary(rows).ToDictionary(s => s.Span, s => s.Us);
        Assert.Null(BootBreakdown.Summary(BootBreakdown.From([[Vmm("vCPU threads started", 5)]])).Single(s => s.Span == "memory init").Us);
        Assert.NotNull(summary["VM set-up"]);
    }

    [Fact]
    public void ReportPrintsEveryStageAndTheSpans()
    {
        var lines = HvmBenchReport.BreakdownLines(BootBreakdown.From([Boot(1)])).ToList();
        Assert.Contains(lines, l => l.Contains("memory") && l.Contains("guest") && l.Contains("700") && l.Contains("300"));
        Assert.Contains(lines, l => l.StartsWith("  spans: VM set-up 300 µs", StringComparison.Ordinal) && l.Contains("memory init 300 µs"));
        Assert.Empty(HvmBenchReport.BreakdownLines([]));
    }
}
