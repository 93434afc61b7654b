using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// The kernel's failure paths, driven through tests/Fixtures/Panics: its command-line argument
/// picks the failure. Each must end the run with a panic report (exit 127), never a hang or a
/// silent reset; a guest that spins forever must be stopped by the timeout.
/// </summary>
public sealed class PanicTests
{
    private const string PanicsProject = "tests/Fixtures/Panics";

    /// <summary>Under QEMU: ring 0, as on hardware.</summary>
    [Theory]
    [InlineData("throw", new[] { "System.InvalidOperationException", "boom", "stack:", "Program.Main" })]
    [InlineData("rethrow", new[] { "System.InvalidOperationException", "first", "Program.Thrower", "Program.Rethrow" })]
    [InlineData("null", new[] { "System.NullReferenceException", "Program.NullDereference" })]
    [InlineData("bounds", new[] { "System.IndexOutOfRangeException" })]
    [InlineData("failfast", new[] { "Environment.FailFast", "fail fast requested" })]
    [InlineData("cast", new[] { "System.InvalidCastException" })]
    [InlineData("divide", new[] { "System.DivideByZeroException", "Program.Divide" })]
    [InlineData("overflow", new[] { "#DF double fault", "stack overflow", "Program.Recurse" })]
    [InlineData("thread-null", new[] { ", thread ", "System.NullReferenceException", "ThreadFault" })]
    [InlineData("gvm-unbuildable", new[] { "generic virtual method call not supported", "type the image does not have", "Program.UnbuildableGenericVirtual" })]
    public void FailureEndsInPanicReport(string failure, string[] expectedText) =>
        EndsInPanicReport("--qemu", failure, expectedText);

    /// <summary>In the HVM (deprivileged on this kind of host): the same reports, but a stack
    /// overflow is a page fault there, since every exception switches to a ring-0 stack.</summary>
    [Hvm.KvmTheory]
    [InlineData("throw", new[] { "System.InvalidOperationException", "boom", "stack:", "Program.Main" })]
    [InlineData("rethrow", new[] { "System.InvalidOperationException", "first", "Program.Thrower", "Program.Rethrow" })]
    [InlineData("null", new[] { "System.NullReferenceException", "Program.NullDereference" })]
    [InlineData("bounds", new[] { "System.IndexOutOfRangeException" })]
    [InlineData("failfast", new[] { "Environment.FailFast", "fail fast requested" })]
    [InlineData("divide", new[] { "System.DivideByZeroException", "Program.Divide" })]
    [InlineData("overflow", new[] { "stack overflow", "Program.Recurse" })]
    [InlineData("thread-null", new[] { ", thread ", "System.NullReferenceException", "ThreadFault" })]
    [InlineData("gvm-unbuildable", new[] { "generic virtual method call not supported", "type the image does not have", "Program.UnbuildableGenericVirtual" })]
    public void FailureEndsInPanicReportInTheHvm(string failure, string[] expectedText) =>
        EndsInPanicReport("--hvm", failure, expectedText);

    private static void EndsInPanicReport(string machine, string failure, string[] expectedText)
    {
        var result = CliResult.Invoke("run", BuiltImages.Get(PanicsProject), machine, "--timeout", "120", "--", failure);

        Assert.True(result.ExitCode == 127, $"expected exit 127 (kernel panic); got {result}");
        Assert.Contains("nacre: kernel panic", result.Stderr);
        Assert.Contains("PANIC", result.Stdout);
        foreach (var text in expectedText)
            Assert.True(result.Stdout.Contains(text, StringComparison.Ordinal), $"console lacks '{text}':\n{result.Stdout}");
    }

    /// <summary>A traced run that panics still dumps its trace, which shows the faulting thread's run.</summary>
    [Fact]
    public void APanickingTracedRunStillWritesItsTrace()
    {
        var output = Path.Combine(Path.GetTempPath(), $"nacre-panic-trace-{Guid.NewGuid():N}.json");
        try
        {
            var result = CliResult.Invoke("run", BuiltImages.Get(PanicsProject), "--qemu", "--cpus", "2", "--trace", output, "--timeout", "120", "--", "thread-null");
            Assert.True(result.ExitCode == 127, $"expected exit 127 (kernel panic); got {result}");
            Assert.Contains("(up to the panic)", result.Stderr);
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(output));
            var events = json.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
            // The thread that faulted was created, and it runs until the trace ends.
            Assert.Contains(events, e => e.GetProperty("ph").GetString() == "i" && e.GetProperty("name").GetString()!.StartsWith("create ", StringComparison.Ordinal));
            Assert.Equal(events.Count(e => e.GetProperty("ph").GetString() == "B"), events.Count(e => e.GetProperty("ph").GetString() == "E"));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void SpinningGuestIsKilledByTimeout()
    {
        var image = BuiltImages.Get(PanicsProject);
        var started = DateTime.UtcNow;
        var result = CliResult.Invoke("run", image, "--qemu", "--timeout", "1", "--", "spin");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal([$"{image} timed out after 1.00 s; QEMU was killed"], result.Errors);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Hvm.KvmFact]
    public void SpinningGuestIsStoppedByTimeoutInTheHvm()
    {
        var image = BuiltImages.Get(PanicsProject);
        var started = DateTime.UtcNow;
        var result = CliResult.Invoke("run", image, "--hvm", "--timeout", "1", "--", "spin");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal([$"{image} timed out after 1.00 s; the VM was stopped"], result.Errors);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }
}
