using Nacre.Cli.Apps;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// The applications of apps/ give the same verification lines as a NativeAOT Linux process (on
/// 1 and 2 workers) and as an HRT booted with `nacre run` on 2 CPUs, at their test sizes; and
/// each checks its own result (PASSED). This is the Linux/HRT agreement the runtime promises:
/// deterministic reductions and ExactMath make the bits equal, not just close.
/// </summary>
public sealed class ParallelAppsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    public static TheoryData<string> Apps => new() { "ep", "cg", "circuit" };

    [Theory]
    [MemberData(nameof(Apps))]
    public void LinuxAndHrtPrintTheSameVerification(string name)
    {
        var app = AppCatalog.Find(Repository.Root, name);
        var executable = AppRunner.PublishLinux(app);
        var linux1 = AppRunner.RunLinux(executable, app.Test.Argument, 1, Timeout);
        var linux2 = AppRunner.RunLinux(executable, app.Test.Argument, 2, Timeout);

        var run = CliResult.Invoke("run", app.HrtProject, "--cpus", "2", "--memory", app.Test.MemoryMiB.ToString(), "--timeout", "300", "--", app.Test.Argument);
        Assert.True(run.ExitCode == 0, $"nacre run {name}: {run}");
        var hrt = AppOutput.Parse(run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList());

        Assert.True(linux1.Passed, $"{name} on Linux, 1 worker: {linux1.Failure}\n{string.Join('\n', linux1.Lines)}");
        Assert.True(linux2.Passed, $"{name} on Linux, 2 workers: {linux2.Failure}\n{string.Join('\n', linux2.Lines)}");
        Assert.True(hrt.Passed, $"{name} as an HRT: {hrt.Failure}\n{run.Stdout}");
        Assert.NotEmpty(linux1.Verification);
        Assert.Equal(linux1.Verification, linux2.Verification);
        Assert.Equal(linux1.Verification, hrt.Verification);
        Assert.Contains("workers=2", hrt.Header);
    }

    [Fact]
    public void OutputParserReadsTheProtocol()
    {
        var output = AppOutput.Parse(["app: x size=1", "time: cycles=123 ns=45", "verify: x a=0x1", "verify: x b=2", "result: PASSED"]);
        Assert.True(output.Passed);
        Assert.Equal(123UL, output.Cycles);
        Assert.Equal(45UL, output.Nanoseconds);
        Assert.Equal(["verify: x a=0x1", "verify: x b=2"], output.Verification);
        var failed = AppOutput.Parse(["verify: x", "result: FAILED because"]);
        Assert.False(failed.Passed);
        Assert.Equal("because", failed.Failure);
        Assert.False(AppOutput.Parse(["result: PASSED"]).Passed);   // no verify line
    }
}
