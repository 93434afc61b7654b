using Nacre.Host.Tests.Support;
using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// The real kernel in the HVM: tests/Fixtures/HvmGuest is an ordinary HRT (the Aerokernel plus a few
/// [HrtExport] methods), booted the way a Linux program would boot it, in the privilege mode the
/// host's KVM calls for (deprivileged on kvm-pvm). Everything the library promises is checked
/// against it: console, invoke with arena pointers, double results, async, all cores, kernel
/// threads inside an invoke, and each way a guest can fail.
/// </summary>
public sealed unsafe class KernelHrtTests
{
    private const string GuestProject = "tests/Fixtures/HvmGuest";

    private static Hrt Boot(int cpus, List<string> console, TimeSpan? invokeTimeout = null) =>
        Hrt.Boot(BuiltImages.Get(GuestProject), new HrtOptions
        {
            Cpus = cpus,
            ArenaBytes = 16 * HrtOptions.MiB,
            CommandLine = "alpha beta",
            ConsoleLine = line => { lock (console) console.Add(line); },
            InvokeTimeout = invokeTimeout ?? TimeSpan.FromSeconds(30),
            BootTimeout = TimeSpan.FromSeconds(30),
        });

    [KvmFact]
    public void BootsRunsMainAndPrints()
    {
        var console = new List<string>();
        using var hrt = Boot(2, console);

        Assert.Equal(7, hrt.MainResult);
        lock (console)
        {
            Assert.Contains(console, l => l.StartsWith("nacre: 2 CPUs up", StringComparison.Ordinal));
            Assert.Contains("hvm guest: main on 2 CPUs, args [alpha,beta]", console);
        }
        Assert.NotNull(hrt.Timings.Ready);
        Assert.True(hrt.Timings.MainStarted <= hrt.Timings.Ready);
    }

    [KvmFact]
    public void ExportsComputeOverTheArena()
    {
        using var hrt = Boot(1, []);
        Assert.Equal(42, hrt.Invoke("Add", 40, 2));

        const int n = 100_000;
        long* data = hrt.Arena.Alloc<long>(n);
        long expected = 0;
        for (int i = 0; i < n; i++) { data[i] = i * 3 - 7; expected += data[i]; }
        Assert.Equal(expected, hrt.Invoke("Sum", (long)data, n));

        // The HRT writes back into the arena and returns a double: both sides see the same memory.
        double* values = hrt.Arena.Alloc<double>(1000);
        for (int i = 0; i < 1000; i++) values[i] = i;
        var scale = hrt.Resolve("ScaleAndSum");
        double sum = BitConverter.Int64BitsToDouble(scale.Invoke(0, (long)values, 1000, BitConverter.DoubleToInt64Bits(0.5)));
        double hostSum = 0;
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(i * 0.5 + i, values[i]);
            hostSum += values[i];
        }
        Assert.Equal(hostSum, sum);
    }

    [KvmFact]
    public void AsyncAndAllCoresInvokes()
    {
        using var hrt = Boot(2, []);

        Assert.Equal([0L, 1L], hrt.InvokeAll("CpuIndex"));
        var tasks = Enumerable.Range(0, 8).Select(i => hrt.InvokeAsync("Add", i, 100)).ToArray();
        Assert.True(Task.WaitAll(tasks, TimeSpan.FromSeconds(60)), "async invokes completed");
        Assert.Equal(Enumerable.Range(0, 8).Select(i => 100L + i), tasks.Select(t => t.Result));
    }

    [KvmFact]
    public void AnInvokeMayUseKernelThreadsOnEveryCore()
    {
        using var hrt = Boot(2, []);
        const int n = 50_000;
        long* data = hrt.Arena.Alloc<long>(n);
        for (int i = 0; i < n; i++) data[i] = i;

        Assert.Equal((long)n * (n - 1) / 2, hrt.Invoke("ParallelSum", (long)data, n));
    }

    [KvmFact]
    public void APanicInAnExportIsAnHrtPanicException()
    {
        var console = new List<string>();
        using var hrt = Boot(1, console);

        var e = Assert.Throws<HrtPanicException>(() => hrt.Invoke("Panic"));
        Assert.Contains(e.LastConsoleLines, l => l.Contains("Environment.FailFast", StringComparison.Ordinal));
        Assert.Contains(e.LastConsoleLines, l => l.Contains("guest panic on request", StringComparison.Ordinal));
        Assert.NotNull(e.Registers);
        Assert.Throws<HrtExitedException>(() => hrt.Invoke("Add", 1, 2));
    }

    [KvmFact]
    public void AnExceptionFromAnExportIsAnHrtGuestExceptionAndTheHrtServesOn()
    {
        using var hrt = Boot(2, []);

        var e = Assert.Throws<HrtGuestException>(() => hrt.Invoke("Throw", 7));
        Assert.Equal("System.InvalidOperationException", e.TypeName);
        Assert.Equal("guest exception 7", e.GuestMessage);
        Assert.Equal("Throw threw System.InvalidOperationException: guest exception 7", e.Message);
        Assert.Contains(e.GuestStack, f => f.Contains("Thrower", StringComparison.Ordinal));
        Assert.Equal(3, hrt.Invoke("Add", 1, 2));

        // Page 0 in managed code is a NullReferenceException; on every vCPU, and asynchronously.
        // ilc inlines Program.Fault into its generated export wrapper, Export_Fault.
        var n = Assert.Throws<HrtGuestException>(() => hrt.Resolve("Fault").Invoke(1, 0x10));
        Assert.Equal("System.NullReferenceException", n.TypeName);
        Assert.Contains(n.GuestStack, f => f.Contains("Fault", StringComparison.Ordinal));
        Assert.Equal("System.InvalidOperationException", Assert.Throws<HrtGuestException>(() => hrt.InvokeAll("Throw", 1)).TypeName);
        var a = Assert.ThrowsAsync<HrtGuestException>(() => hrt.InvokeAsync("Throw", 2)).Result;
        Assert.Equal("guest exception 2", a.GuestMessage);
        Assert.Equal([5L, 5L], hrt.InvokeAll("Add", 2, 3));
        Assert.True(hrt.IsRunning);
    }

    [KvmFact]
    public void AnExportThatSpinsIsStoppedAtTheInvokeTimeout()
    {
        using var hrt = Boot(1, [], invokeTimeout: TimeSpan.FromSeconds(1));
        var started = DateTime.UtcNow;

        var e = Assert.Throws<HrtTimeoutException>(() => hrt.Invoke("Spin"));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.NotNull(e.Registers);
        Assert.False(hrt.IsRunning);
        Assert.Throws<HrtExitedException>(() => hrt.Invoke("Add", 1, 2));
    }

    [KvmFact]
    public void AnExportMayEndTheHrt()
    {
        using var hrt = Boot(1, []);

        Assert.Throws<HrtExitedException>(() => hrt.Invoke("Exit", 5));
        Assert.Equal(5, hrt.WaitForExitAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult());
    }
}
