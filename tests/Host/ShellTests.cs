using Nacre.Host.Machines;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// The kernel's shell on the serial console, through <c>nacre run --shell</c>: commands go to
/// QEMU's stdin (nacre's own), output comes back on stdout, and `exit N` is the run's exit code.
/// </summary>
public sealed class ShellTests
{
    [Fact]
    public void PipedCommandsRunAndExitSetsTheExitCode()
    {
        using var nacre = new NacreProcess("run", Repository.PathOf("samples/hello"), "--shell", "--cpus", "2", "--timeout", "120");
        // All at once, before the guest has even booted: nothing may be lost.
        nacre.Send("help\ncpus\nmem\nthreads\ntest\nexit 7\n");
        nacre.CloseInput();
        var code = nacre.Finish();

        Assert.True(code == 7, $"expected exit 7; got {code}\n{nacre}");
        var stdout = nacre.Stdout;
        string[] expected =
        [
            "Hello from Nacre",                                   // Main ran first
            "nacre: Main returned 0; entering the shell",
            "nacre> help", "commands:", "  exit [code]",
            "nacre> cpus", "cpus: 2 up", "  cpu  apic  node  idle    ready  current thread",
            "nacre> mem", "memory: 1 zone(s)", "free blocks by order:", "heap:",
            "nacre> threads", "threads: ", " running  main",
            "nacre> test", "test: this image has no in-kernel tests",
            "nacre> exit 7",
        ];
        var at = 0;
        foreach (var text in expected)
        {
            var found = stdout.IndexOf(text, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{text}' missing (or out of order) in:\n{stdout}");
            at = found;
        }
        Assert.DoesNotContain("\r", stdout);
        Assert.Contains("[run] exited with code 7", nacre.Stderr);
    }

    [Fact]
    public void TypedLinesAreEditedAndRebootComesBackToTheShell()
    {
        using var nacre = new NacreProcess("run", Repository.PathOf("samples/hello"), "--shell", "--timeout", "120");
        nacre.WaitFor("nacre> ");
        nacre.Send("thx\x7f" + "reads\n");                    // Backspace (DEL) edits the line
        nacre.WaitFor("nacre> ", 2);
        Assert.Contains("threads: ", nacre.Stdout);
        nacre.Send("bogus\n");
        nacre.WaitFor("unknown command 'bogus'");
        nacre.Send("reboot\n");
        nacre.WaitFor("nacre shell: type help", 2);          // booted again, Main again, shell again
        Assert.Equal(2, NacreProcess.Occurrences(nacre.Stdout, "Hello from Nacre"));
        nacre.WaitFor("nacre> ", 4);
        nacre.Send("exit\n");                                 // no code: Main's (0)
        var code = nacre.Finish();

        Assert.True(code == 0, $"expected exit 0; got {code}\n{nacre}");
    }

    [Fact]
    public void TestRunsTheImagesInKernelTests()
    {
        using var nacre = new NacreProcess("run", Repository.PathOf("tests/Kernel/Shell.Tests"), "--shell", "--timeout", "120", "--", "LineReader");
        nacre.Send("test TabIs\nexit 3\n");
        nacre.CloseInput();
        var code = nacre.Finish();

        Assert.True(code == 3, $"expected exit 3; got {code}\n{nacre}");
        var stdout = nacre.Stdout;
        var shellPart = stdout[stdout.IndexOf("nacre> test TabIs", StringComparison.Ordinal)..];
        Assert.Contains("PASS LineReaderTests.TabIsASpace", shellPart);
        Assert.Contains("1 passed, 0 failed", shellPart);
        Assert.DoesNotContain("CommandTests", shellPart);    // the filter applies
    }

    [Fact]
    public void ShellRunsConnectTheConsoleToStdinAndMayReboot()
    {
        var arguments = QemuCommandLine.Build(new QemuOptions("k.elf") { Interactive = true, KernelArguments = ["shell"] });

        Assert.Equal(["-kernel", "k.elf", "-chardev", "stdio,id=console,signal=off,mux=on", "-serial", "chardev:console"], arguments.Take(6));
        Assert.DoesNotContain("-no-reboot", arguments);
        Assert.DoesNotContain("stdio", arguments.Skip(6));
        Assert.Equal(["-append", "shell"], arguments.TakeLast(2));
    }
}
