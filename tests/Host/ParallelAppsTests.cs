using Nacre.Host.Apps;
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

        var run = CliResult.Invoke("run", app.HrtProject, "--qemu", "--cpus", "2", "--memory", app.Test.MemoryMiB.ToString(), "--timeout", "300", "--", app.Test.Argument);
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

    /// <summary>
    /// In the HVM, both ways: the image booted on its own, and the Invoke path — the Linux
    /// process builds the problem in the arena and calls the HRT's export (apps/*/Hrt/Exports.cs).
    /// </summary>
    [Hvm.KvmTheory]
    [MemberData(nameof(Apps))]
    public void TheHvmBootedAndInvokedAgreeWithLinux(string name)
    {
        var app = AppCatalog.Find(Repository.Root, name);
        var executable = AppRunner.PublishLinux(app);
        var image = BuiltImages.Get(Path.GetRelativePath(Repository.Root, app.HrtProject));
        var linux = AppRunner.RunLinux(executable, app.Test.Argument, 2, Timeout);
        var booted = AppRunner.RunHrtApp(image, app.Test.Argument, 2, app.Test.MemoryMiB, Timeout, HrtMode.Hvm);
        var invoked = AppRunner.RunInvoke(executable, image, app.Test.Argument, 2, Timeout);

        Assert.True(linux.Passed, $"{name} on Linux: {linux.Failure}\n{string.Join('\n', linux.Lines)}");
        Assert.True(booted.Passed, $"{name} booted in the HVM: {booted.Failure}\n{string.Join('\n', booted.Lines)}");
        Assert.True(invoked.Passed, $"{name} through Invoke: {invoked.Failure}\n{string.Join('\n', invoked.Lines)}");
        Assert.Equal(linux.Verification, booted.Verification);
        Assert.Equal(linux.Verification, invoked.Verification);
        Assert.Contains("solver=hrt-invoke", invoked.Header);
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
