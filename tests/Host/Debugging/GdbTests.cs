using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Debugging;

/// <summary>
/// `nacre run --gdb PORT`: QEMU's gdbstub with the image's symbols, driven by Debian's gdb in
/// batch mode as a user would (docs/debugging.md): break on a kernel method, continue, backtrace,
/// read registers and a static variable, step, and continue until the HRT exits.
/// </summary>
public sealed class GdbTests
{
    private const string KernelMethod = "Nacre_Kernel_Nacre_Threads_ThreadScheduler__Schedule";
    private const string SchedulerStatics = "__NONGCSTATICSNacre_Kernel_Nacre_Threads_ThreadScheduler";

    [Fact]
    public async Task GdbBreaksInAKernelMethodStepsAndContinuesToExit()
    {
        var image = BuiltImages.Get("samples/timeline");
        int port = FreePort();
        var run = Task.Run(() => CliResult.Invoke("run", image, "--cpus", "2", "--gdb", port.ToString(), "--timeout", "180"));
        WaitUntilListening(port, run);

        var script = Path.Combine(Path.GetTempPath(), $"nacre-gdb-{Guid.NewGuid():N}.gdb");
        File.WriteAllLines(script,
        [
            "set pagination off",
            "set confirm off",
            $"target remote 127.0.0.1:{port}",
            $"break {KernelMethod}",
            "continue",
            "echo ==bt\\n",
            "bt",
            "echo ==registers\\n",
            "info registers rip rsp",
            "echo ==statics\\n",
            $"x/2dw &{SchedulerStatics}",
            // The other CPU runs while this one steps: with the breakpoint in place it could stop there instead.
            "delete",
            "echo ==stepi\\n",
            "stepi",
            "print $pc",
            "echo ==nexti\\n",
            "nexti",
            "print $pc",
            "echo ==next\\n",
            "next",
            "bt 1",
            "echo ==continue\\n",
            "continue",
        ]);
        string output;
        try
        {
            output = RunGdb(image, script);
        }
        finally
        {
            File.Delete(script);
        }

        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(200))) == run, $"nacre run did not end after gdb continued; gdb said:\n{output}");
        var result = await run;
        Assert.True(result.ExitCode == 0, $"expected the HRT's exit 0 after continuing; got {result}\ngdb:\n{output}");
        Assert.Contains("timeline: 20 round trips", result.Stdout);
        Assert.Contains($"[gdb] QEMU waits for a debugger: gdb -ex 'target remote :{port}'", result.Stderr);

        string Section(string name)
        {
            int start = output.IndexOf($"=={name}\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"no section {name} in gdb's output:\n{output}");
            start += name.Length + 3;
            int end = output.IndexOf("\n==", start, StringComparison.Ordinal);
            return end < 0 ? output[start..] : output[start..end];
        }

        Assert.Contains($"Breakpoint 1, ", output);
        var bt = Section("bt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("#0 ", bt[0]);
        Assert.Contains(KernelMethod, bt[0]);
        // The caller is another C# method of the kernel, named as ilc names it (Assembly_Namespace_Type__Method).
        Assert.Contains(bt.Skip(1), f => f.StartsWith("#1 ", StringComparison.Ordinal) && f.Contains("Nacre_Kernel_Nacre_", StringComparison.Ordinal));
        Assert.Matches($@"rip\s+0x[0-9a-f]+\s+0x[0-9a-f]+ <{KernelMethod}>", Section("registers"));

        // The scheduler's statics: s_ids counts boot threads from 1 << 20, so one word is at least that.
        var words = Section("statics").Split(':', 2)[1].Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        Assert.Contains(words, w => w >= 1 << 20);

        Assert.Matches($@"\$1 = \(void \(\*\)\(\)\) 0x[0-9a-f]+ <{KernelMethod}\+\d+>", Section("stepi"));
        Assert.Matches($@"\$2 = \(void \(\*\)\(\)\) 0x[0-9a-f]+ <{KernelMethod}\+\d+>", Section("nexti"));
        // Without line information `next` runs to the end of the method (Schedule switches threads
        // on the way, so where it stops depends on timing) and stops there.
        var next = Section("next");
        Assert.Contains($"Single stepping until exit from function {KernelMethod}", next);
        Assert.Matches(@"#0 +0x[0-9a-f]+ in \w+ \(\)", next);
        // Continuing runs the HRT to its exit, which closes QEMU and with it the connection.
        Assert.Contains("Remote connection closed", Section("continue"));
    }

    [Fact]
    public void GdbWithHvmIsAClearError()
    {
        var result = CliResult.Invoke("run", BuiltImages.Get("samples/timeline"), "--hvm", "--gdb", "1234");
        Assert.Equal(125, result.ExitCode);
        Assert.Contains(result.Errors, e => e.Contains("--gdb needs QEMU for now", StringComparison.Ordinal));
    }

    [Fact]
    public void GdbPortOutOfRangeIsAClearError()
    {
        var result = CliResult.Invoke("run", BuiltImages.Get("samples/timeline"), "--gdb", "70000");
        Assert.Equal(125, result.ExitCode);
        Assert.Contains("--gdb: port 70000 is not in 1..65535", result.Errors);
    }

    private static string RunGdb(string image, string script)
    {
        var start = new ProcessStartInfo("gdb", ["-nx", "-batch", "-x", script, image])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var gdb = Process.Start(start) ?? throw new InvalidOperationException("gdb did not start");
        var stdout = gdb.StandardOutput.ReadToEndAsync();
        var stderr = gdb.StandardError.ReadToEndAsync();
        if (!gdb.WaitForExit(TimeSpan.FromSeconds(180)))
        {
            gdb.Kill();
            Assert.Fail($"gdb did not finish:\n{stdout.Result}\n{stderr.Result}");
        }
        return stdout.Result + stderr.Result;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // QEMU's stub takes one connection: probing it would use that up, so look at the kernel's
    // table of listening sockets instead.
    private static void WaitUntilListening(int port, Task<CliResult> run)
    {
        var needle = $":{port:X4} 00000000:0000 0A";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (File.ReadAllText("/proc/net/tcp").Contains(needle, StringComparison.Ordinal)) return;
            if (run.IsCompleted) Assert.Fail($"nacre run ended before QEMU listened: {run.Result}");
            Thread.Sleep(100);
        }
        Assert.Fail($"QEMU never listened on port {port}");
    }
}
