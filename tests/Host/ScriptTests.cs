using Nacre.Host.Infrastructure;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>The ./nacre entry script, run as a real process: exit codes must survive exec.</summary>
public sealed class ScriptTests
{
    private static (int ExitCode, string Stdout, string Stderr) RunScript(params string[] args)
    {
        var stdout = new List<string>();
        var stderr = new List<string>();
        var result = ChildProcess.Run(Repository.PathOf("nacre"), args, stdout.Add, stderr.Add, TimeSpan.FromMinutes(5));
        Assert.False(result.TimedOut, "./nacre did not finish within 5 minutes");
        return (result.ExitCode, string.Join('\n', stdout), string.Join('\n', stderr));
    }

    [Fact]
    public void ErrorExitsWith125AndOneMessage()
    {
        var (code, stdout, stderr) = RunScript("run", "/nonexistent/kernel.elf");

        Assert.Equal(125, code);
        Assert.Equal("", stdout);
        Assert.Contains("nacre: error: /nonexistent/kernel.elf does not exist", stderr);
    }

    [Fact]
    public void GuestExitCodeIsTheProcessExitCode()
    {
        var (code, stdout, _) = RunScript("run", "--qemu", TinyGuest.Exiting(42));

        Assert.Equal(42, code);
        Assert.Contains("hi", stdout);
    }

    [Fact]
    public void HelpDocumentsTheExitCodes()
    {
        var (code, stdout, _) = RunScript("run", "--help");

        Assert.Equal(0, code);
        Assert.Contains("125", stdout);
        Assert.Contains("127", stdout);
        Assert.Contains("--timeout", stdout);
    }
}
