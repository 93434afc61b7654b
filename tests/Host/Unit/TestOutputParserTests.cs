using Nacre.Host.Machines;
using Nacre.Host.Testing;

namespace Nacre.Host.Tests.Unit;

public sealed class TestOutputParserTests
{
    private static TestOutputParser Parse(params string[] lines)
    {
        var parser = new TestOutputParser();
        foreach (var line in lines)
            parser.Feed(line);
        return parser;
    }

    private static QemuRun Exit(int code) => new(new ExitStatus(ExitKind.Exited, code), (code << 1) | 1, "", TimeSpan.FromSeconds(1));

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(600);

    [Fact]
    public void ReadsResultsAndSummaryAmongOtherOutput()
    {
        var parser = Parse("booting", "RUN a", "PASS a\r", "some output", "RUN b", "FAIL b: expected 1, got 2", "1 passed, 1 failed");

        Assert.Equal([new TestCaseResult("a", true), new TestCaseResult("b", false, "expected 1, got 2")], parser.Results);
        Assert.Equal((1, 1, 0), parser.Summary);
        Assert.Null(parser.RunningTest);
    }

    [Fact]
    public void ConsistentPassingImageHasNoExtraCases()
    {
        var report = TestImageEvaluator.Evaluate("img", Parse("PASS a", "PASS b", "2 passed, 0 failed"), Exit(0), Timeout);
        Assert.Equal((2, 0), (report.Passed, report.Failed));
    }

    [Fact]
    public void PanicIsBlamedOnTheRunningTestWithItsText()
    {
        var parser = Parse("RUN a", "PASS a", "RUN b", "PANIC: System.InvalidOperationException: boom", "RIP=0000000000101234");
        var run = new QemuRun(new ExitStatus(ExitKind.Panicked, 127), 255, "", TimeSpan.FromSeconds(1));
        var report = TestImageEvaluator.Evaluate("img", parser, run, Timeout);

        var failure = Assert.Single(report.Cases, c => !c.Passed);
        Assert.Equal("b", failure.Name);
        Assert.Contains("kernel panic while running b", failure.Message);
        Assert.Contains("System.InvalidOperationException: boom", failure.Message);
        Assert.Contains("RIP=0000000000101234", failure.Message);
    }

    [Fact]
    public void TimeoutWithoutRunLineIsBlamedOnTheImage()
    {
        var report = TestImageEvaluator.Evaluate("img", Parse("PASS a"), new QemuRun(ExitStatus.TimeoutExpired, 137, "", Timeout), Timeout);
        var failure = Assert.Single(report.Cases, c => !c.Passed);
        Assert.Equal(ImageTestReport.WholeImage, failure.Name);
        Assert.StartsWith("timed out after 600.00 s", failure.Message);
    }

    [Theory]
    [InlineData(0, new[] { "PASS a" }, "without printing the closing")]
    [InlineData(0, new[] { "0 passed, 0 failed" }, "ran no tests")]
    [InlineData(0, new[] { "PASS a", "2 passed, 0 failed" }, "closing line says 2 passed")]
    [InlineData(0, new[] { "FAIL a: x", "0 passed, 1 failed" }, "exited with code 0 although")]
    [InlineData(1, new[] { "PASS a", "1 passed, 0 failed" }, "exited with code 1 although no test failed")]
    [InlineData(5, new[] { "PASS a", "1 passed, 0 failed" }, "exited with code 5")]
    [InlineData(0, new[] { "PASS a", "SKIP b: absent", "1 passed, 0 failed" }, "closing line says 1 passed, 0 failed, 0 skipped, but it printed 1 PASS, 0 FAIL and 1 SKIP")]
    public void SelfContradictingImageFails(int code, string[] lines, string expected)
    {
        var report = TestImageEvaluator.Evaluate("img", Parse(lines), Exit(code), Timeout);
        Assert.Contains(report.Cases, c => !c.Passed && c.Message!.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void FailLineWithoutMessageStillFails() =>
        Assert.Equal(new TestCaseResult("x", false, "(no message)"), TestOutputParser.ParseResult("FAIL x"));

    [Fact]
    public void SkippedTestsAreCountedApartWithTheirReason()
    {
        var parser = Parse("RUN a", "SKIP a: no SRAT: boot with -numa", "RUN b", "PASS b", "1 passed, 0 failed, 1 skipped");
        var report = TestImageEvaluator.Evaluate("img", parser, Exit(0), Timeout);

        Assert.Equal((1, 0, 1), (report.Passed, report.Failed, report.Skipped));
        var skipped = Assert.Single(report.Cases, c => c.Skipped);
        Assert.Equal(("a", "no SRAT: boot with -numa"), (skipped.Name, skipped.Message));
        Assert.False(skipped.Passed);
        Assert.Equal("SKIP a: no SRAT: boot with -numa", skipped.ToString());
    }

    [Fact]
    public void AnImageThatSkipsEverythingStillRanTests()
    {
        var report = TestImageEvaluator.Evaluate("img", Parse("SKIP a: why", "0 passed, 0 failed, 1 skipped"), Exit(0), Timeout);
        Assert.Equal((0, 0, 1), (report.Passed, report.Failed, report.Skipped));
    }

    [Fact]
    public void ACpuThatDidNotStartFailsTheImage()
    {
        var report = TestImageEvaluator.Evaluate("img",
            Parse("nacre: CPU with APIC id 1 did not start", "PASS a", "SKIP b: one CPU: nobody to shoot at", "1 passed, 0 failed, 1 skipped"),
            Exit(0), Timeout);
        Assert.Equal(1, report.Failed);
        Assert.Contains(report.Cases, c => c.Failed && c.Message!.Contains("APIC id 1 did not start") && c.Message.Contains("fewer CPUs"));
    }
}
