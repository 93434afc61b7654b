using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// nacre run's exit protocol end to end, with tiny guests: the guest's code passes through,
/// 127 is a panic, a reset is an error, a spinning guest is killed at the timeout.
/// </summary>
public sealed class ExitProtocolTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(126)]
    public void GuestExitCodePassesThrough(int value)
    {
        var result = CliResult.Invoke("run", "--qemu", TinyGuest.Exiting(value));

        Assert.True(result.ExitCode == value, $"expected exit {value}; got {result}");
        Assert.Contains("hi\n", result.Stdout);
        Assert.Matches($@"\[run\] exited with code {value} after \d+\.\d\d s", result.Stderr);
    }

    [Fact]
    public void PanicValueIsReportedAsKernelPanic()
    {
        var result = CliResult.Invoke("run", "--qemu", TinyGuest.Exiting(127));

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("nacre: kernel panic", result.Stderr);
    }

    [Fact]
    public void TripleFaultIsAnErrorNotSuccess()
    {
        var result = CliResult.Invoke("run", "--qemu", TinyGuest.Get(TinyGuest.Behaviour.TripleFault));

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(["the guest reset or shut down without reporting an exit code (a triple fault?)"], result.Errors);
    }

    [Fact]
    public void SpinningGuestIsKilledAtTimeout()
    {
        var image = TinyGuest.Get(TinyGuest.Behaviour.Spin);
        var result = CliResult.Invoke("run", "--qemu", image, "--timeout", "1");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal([$"{image} timed out after 1.00 s; QEMU was killed"], result.Errors);
        Assert.Contains("hi\n", result.Stdout); // the console was streamed before the kill
    }

    [Fact]
    public void ArgumentsReachTheKernelCommandLine()
    {
        var result = CliResult.Invoke("run", "--qemu", TinyGuest.Exiting(0), "--", "alpha", "beta=2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("alpha beta=2", result.Stdout);
    }

    [Fact]
    public void QemuRejectingAnOptionIsAnError()
    {
        var result = CliResult.Invoke("run", "--qemu", TinyGuest.Exiting(0), "--qemu-arg=-no-such-option");

        Assert.Equal(125, result.ExitCode);
        Assert.Contains("-no-such-option", result.Stderr); // QEMU's own complaint is shown
        Assert.Equal(["QEMU failed (exit status 1)"], result.Errors);
    }

    [Fact]
    public void BootLineShowsCpusAndMemoryQemuAccepted()
    {
        var result = CliResult.Invoke("run", "--qemu", TinyGuest.Exiting(0), "--cpus", "2", "--memory", "64");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"[boot] qemu -smp 2 -m 64 ", result.Stderr);
    }
}
