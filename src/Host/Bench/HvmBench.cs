using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nacre.Hvm;

namespace Nacre.Host.Bench;

/// <summary>
/// What the HVM itself costs (boot and invoke), each beside its Linux counterpart measured
/// in the same run with the same clock (<see cref="Tsc"/>) and statistics:
/// <list type="bullet">
/// <item>boot: Hrt.Boot → the HRT's Main running, and → ready for invoke; beside it, a Linux
///   process start (posix_spawn + waitpid) of /bin/true and of a NativeAOT hello-world;</item>
/// <item>invoke round trip of an empty export on a polling HRT core; beside it a direct call of an
///   empty C# method and a round trip between two Linux threads (SemaphoreSlim, and spinning on
///   a shared cache line: the floor);</item>
/// <item>InvokeAll of the empty export on every HRT core.</item>
/// </list>
/// The caller's thread is pinned to the last host CPU, the vCPUs from the first (PinVcpus), so
/// that a polling vCPU and the caller do not share a core when there are enough.
/// </summary>
public sealed unsafe class HvmBench(string image, int cpus, int bootRounds, int samples, Action<string> progress)
{
    /// <summary>The HRT it measures: the Aerokernel with a few exports.</summary>
    public const string GuestProject = "tests/Fixtures/HvmGuest";

    public sealed record Row(string Name, string What, Statistics Cycles);

    /// <summary>Boot to ready and the process starts, raw, for the side-by-side table and the CDF.</summary>
    public List<StartupComparison.Source> Startup { get; } = [];

    public List<Row> Rows { get; } = [];

    public double TscHz { get; private set; }

    public PrivilegeMode Mode { get; private set; }

    /// <summary>The cold boots' stages (VMM steps and the guest's stamps), medians over the rounds.</summary>
    public List<BootBreakdown.Row> Breakdown { get; private set; } = [];

    public void Run(string? aotHello)
    {
        TscHz = Tsc.MeasureHz(TimeSpan.FromMilliseconds(200));

        progress($"boot ×{bootRounds}");
        Boot();
        progress($"process start ×{bootRounds}");
        var spawnTrue = Spawn("/bin/true", bootRounds);
        Startup.Add(new("Linux: /bin/true (posix_spawn+waitpid)", spawnTrue, Baseline: true));
        Rows.Add(new("spawn /bin/true", "Linux: posix_spawn + waitpid of /bin/true", Statistics.Of(spawnTrue)));
        if (aotHello is not null)
        {
            var spawnAot = Spawn(aotHello, bootRounds);
            Startup.Add(new("Linux: NativeAOT hello-world", spawnAot));
            Rows.Add(new("spawn NativeAOT hello", "Linux: posix_spawn + waitpid of a NativeAOT hello-world", Statistics.Of(spawnAot)));
        }

        // One polling vCPU for the round trip: with more, the idle ones poll too, and on a host
        // with few cores they take the core the caller or vCPU 0 needs.
        progress($"invoke ×{samples}");
        using (var hrt = Hrt.Boot(image, Options(1)))
        {
            Mode = hrt.Privilege;
            var empty = hrt.Resolve("Empty");
            Rows.Add(new("invoke", "Invoke of an empty export, 1 vCPU polling", Pinned(() => Measure(samples, () => empty.Invoke(0)))));
        }
        if (cpus > 1)
        {
            // Every vCPU polls: with as many vCPUs as host cores the caller competes with them
            // (the row then shows the host's scheduler), so fewer samples keep the run short.
            int allSamples = Math.Clamp(samples / 100, 200, 2000);
            progress($"invoke all ×{allSamples} on {cpus} vCPUs");
            using var hrt = Hrt.Boot(image, Options(cpus));
            var empty = hrt.Resolve("Empty");
            Rows.Add(new("invoke all", $"InvokeAll of the empty export on {cpus} vCPUs", Pinned(() => Measure(allSamples, () => empty.InvokeAll()))));
        }
        delegate*<void> direct = &EmptyMethod;
        Rows.Add(new("direct call", "a call of an empty C# method through the same harness", Pinned(() => Measure(samples, () => direct()))));
        progress("thread round trips");
        Rows.Add(new("threads: semaphore", "Linux: round trip between two .NET threads, SemaphoreSlim", ThreadRoundTrip(Math.Max(samples / 10, 1000), spin: false)));
        Rows.Add(new("threads: cache line", "Linux: round trip between two threads spinning on one cache line (the floor)", ThreadRoundTrip(samples, spin: true)));
    }

    // The caller on the last host CPU while it measures; never while it boots or starts threads,
    // which would inherit that mask (the vCPUs are pinned from the first CPU up).
    private static Statistics Pinned(Func<Statistics> measure)
    {
        LinuxThreads.PinCurrentThread(Environment.ProcessorCount - 1);
        try { return measure(); }
        finally { LinuxThreads.UnpinCurrentThread(); }
    }

    private HrtOptions Options(int vcpus) => new()
    {
        Cpus = vcpus,
        MemoryBytes = 64 * HrtOptions.MiB,
        ArenaBytes = 2 * HrtOptions.MiB,
        // vCPU i on host CPU i; the caller is on the last CPU, free when there are more CPUs than vCPUs.
        PinVcpus = true,
    };

    private void Boot()
    {
        var main = new List<long>();
        var ready = new List<long>();
        var setup = new List<long>();
        var stages = new List<IReadOnlyList<BootMark>>();
        for (int i = 0; i < bootRounds; i++)
        {
            using var hrt = Hrt.Boot(image, Options(1));
            var t = hrt.Timings;
            stages.Add(t.Stages);
            setup.Add(Cycles(t.Setup));
            main.Add(Cycles(t.MainStarted!.Value));
            ready.Add(Cycles(t.Ready!.Value));
        }
        Breakdown = BootBreakdown.From(stages);
        Startup.Add(new("HRT cold boot to ready (1 vCPU)", [.. ready]));
        Rows.Add(new("boot: VM set up", "Hrt.Boot until the vCPU is about to run (KVM VM, memory, ELF, tables)", Statistics.Of(setup)));
        Rows.Add(new("boot: Main", "Hrt.Boot until the HRT's Main starts (1 vCPU)", Statistics.Of(main)));
        Rows.Add(new("boot: ready", "Hrt.Boot until ready for invoke (1 vCPU)", Statistics.Of(ready)));
    }

    private long Cycles(TimeSpan t) => (long)(t.TotalSeconds * TscHz);

    private static Statistics Measure(int count, Action action)
    {
        for (int i = 0; i < Math.Min(count, 10_000); i++) action();
        var cycles = new long[count];
        for (int i = 0; i < count; i++)
        {
            long t0 = Tsc.Now;
            action();
            cycles[i] = Tsc.Now - t0;
        }
        return Statistics.Of(cycles);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EmptyMethod() { }

    private static long[] Spawn(string path, int rounds)
    {
        var cycles = new long[rounds];
        var argv = new[] { path, null };
        var envp = new string?[] { null };
        for (int i = 0; i < rounds; i++)
        {
            long t0 = Tsc.Now;
            if (PosixSpawn(out int pid, path, 0, 0, argv, envp) != 0)
                throw new InvalidOperationException($"posix_spawn {path} failed");
            if (WaitPid(pid, out int status, 0) != pid || status != 0)
                throw new InvalidOperationException($"{path} did not exit cleanly (status {status})");
            cycles[i] = Tsc.Now - t0;
        }
        return cycles;
    }

    // A round trip: A flips a flag, B sees it and flips it back, A sees that. With spin, both
    // poll one shared cache line; otherwise each waits on a SemaphoreSlim the other releases.
    private static Statistics ThreadRoundTrip(int count, bool spin)
    {
        var cycles = new long[count];
        long flag = 0;
        using var ping = new SemaphoreSlim(0);
        using var pong = new SemaphoreSlim(0);
        var partner = new Thread(() =>
        {
            LinuxThreads.PinCurrentThread(0);
            for (long i = 1; i <= count + 1000; i++)
            {
                if (spin) { while (Volatile.Read(ref flag) != 2 * i - 1) { } Volatile.Write(ref flag, 2 * i); }
                else { ping.Wait(); pong.Release(); }
            }
        }) { IsBackground = true };
        partner.Start();
        LinuxThreads.PinCurrentThread(Environment.ProcessorCount - 1);
        for (long i = 1; i <= count + 1000; i++)
        {
            long t0 = Tsc.Now;
            if (spin) { Volatile.Write(ref flag, 2 * i - 1); while (Volatile.Read(ref flag) != 2 * i) { } }
            else { ping.Release(); pong.Wait(); }
            if (i > 1000) cycles[i - 1001] = Tsc.Now - t0;
        }
        LinuxThreads.UnpinCurrentThread();
        partner.Join();
        return Statistics.Of(cycles);
    }

    /// <summary>Publishes the NativeAOT hello-world used as the second process-start baseline
    /// (once; reused after) and returns its path, or null with the reason.</summary>
    public static string? BuildAotHello(string workDirectory, out string? why)
    {
        why = null;
        var output = Path.Combine(workDirectory, "out", "aothello");
        if (File.Exists(output)) return output;
        Directory.CreateDirectory(workDirectory);
        File.WriteAllText(Path.Combine(workDirectory, "aothello.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <PublishAot>true</PublishAot>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(workDirectory, "Program.cs"), "System.Console.WriteLine(\"hello\");\n");
        var start = new ProcessStartInfo("dotnet", ["publish", "-c", "Release", "-r", "linux-x64", "-o", Path.Combine(workDirectory, "out"), "-nologo"])
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0 && File.Exists(output)) return output;
        why = $"dotnet publish of the NativeAOT hello-world failed: {text.Trim().Split('\n').LastOrDefault()}";
        return null;
    }

    [DllImport("libc", EntryPoint = "posix_spawn")]
    private static extern int PosixSpawn(out int pid, string path, nint fileActions, nint attributes, string?[] argv, string?[] envp);

    [DllImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static extern int WaitPid(int pid, out int status, int options);
}
