using System.Text.Json;
using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Host.Bench;

/// <summary>What `nacre bench dotnet` was asked to do.</summary>
public sealed class DotNetBenchSettings
{
    public MachineKind Machine { get; init; } = MachineKind.Qemu;
    public Nacre.Hvm.PrivilegeMode Privilege { get; init; } = Nacre.Hvm.PrivilegeMode.Auto;
    public int Cpus { get; init; } = 2;
    public int Samples { get; init; } = 1000;
    public int Warmup { get; init; } = 100;
    public string? Only { get; init; }
    public bool Deprivileged { get; init; }
    public int MemoryMiB { get; init; } = DotNetProgram.DefaultMemoryMiB;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(600);
    public bool EchoConsole { get; init; }
}

/// <summary>
/// `nacre bench dotnet`: publishes bench/DotNet once with NativeAOT and runs that one binary as a
/// Linux process and as an HRT (the DotNetHost kernel with the binary as its module, booted as
/// `nacre run` boots it), one after the other, with the same arguments; both print the benchmark
/// line protocol, which is parsed and judged like `nacre bench`'s (docs/benchmarks.md).
/// </summary>
public static class DotNetBench
{
    public static string ProjectPath(string root) => Path.Combine(root, "bench", "DotNet");

    public static BenchSession Run(DotNetBenchSettings settings, Terminal terminal, CancellationToken cancellation)
    {
        var root = RepositoryRoot.Find();
        var program = DotNetProgram.Publish(ProjectPath(root), terminal);
        var arguments = Arguments(settings);

        var allowed = LinuxThreads.AllowedCpus();
        var linuxCpus = allowed.Take(Math.Min(settings.Cpus, allowed.Count)).ToList();
        terminal.Progress("bench", $"as a Linux process on CPUs {string.Join(',', linuxCpus)}: {program}");
        var linux = RunLinux(program, arguments, linuxCpus, allowed.Count, settings.Timeout, cancellation);

        var hrt = RunHrt(settings, program, arguments, terminal, cancellation);
        return new BenchSession(hrt, linux, [], linux.TscHz, DotNetPrimitives.All, DotNetPrimitives.Labels);
    }

    public static List<string> Arguments(DotNetBenchSettings settings)
    {
        List<string> arguments = [$"samples={settings.Samples}", $"warmup={settings.Warmup}"];
        if (!string.IsNullOrWhiteSpace(settings.Only))
            arguments.Add($"only={KernelBench.EffectiveOnly(settings.Only)}");
        return arguments;
    }

    /// <summary>The Linux process, restricted to the first N allowed CPUs with taskset when there are more (the HRT gets N).</summary>
    private static BenchOutput RunLinux(string program, List<string> arguments, List<int> cpus, int allowed, TimeSpan timeout, CancellationToken cancellation)
    {
        var (file, args) = cpus.Count < allowed
            ? ("taskset", (IReadOnlyList<string>)["-c", string.Join(',', cpus), program, .. arguments])
            : (program, arguments);
        var output = LinuxBaseline.Run(file, args, timeout, cancellation, "the benchmark as a Linux process");
        SetMode(output, "linux-process");
        return output;
    }

    private static BenchOutput RunHrt(DotNetBenchSettings settings, string program, List<string> arguments, Terminal terminal, CancellationToken cancellation)
    {
        var options = new QemuOptions(DotNetProgram.HostImage(terminal))
        {
            Machine = settings.Machine,
            Privilege = settings.Privilege,
            Cpus = settings.Cpus,
            MemoryMiB = settings.MemoryMiB,
            Modules = DotNetProgram.Modules(program),
            Timeout = settings.Timeout,
            KernelArguments = settings.Deprivileged ? ["deprivileged", .. arguments] : arguments,
        };
        terminal.Progress("bench", $"as an HRT: {MachineRunner.Describe(options)}");
        var output = new BenchOutput();
        var run = MachineRunner.RunCollectingLines(options, line =>
        {
            if (settings.EchoConsole)
                terminal.Error.WriteLine($"hrt| {(line.Length > 200 ? line[..200] + "..." : line)}");
        }, cancellation);
        foreach (var line in run.Lines)
            output.Add(line);
        var tail = string.Join('\n', run.Lines.Where(l => !l.StartsWith("BENCH", StringComparison.Ordinal)).TakeLast(25));
        switch (run.Run.Status.Kind)
        {
            case ExitKind.Exited when run.Run.Status.Code == 0 && output.Ended:
                SetMode(output, Mode(options));
                terminal.Progress("bench", $"HRT done in {Seconds.Format(run.Run.Elapsed)} ({output.Results.Count} results, mode {output.Mode})");
                return output;
            case ExitKind.Panicked:
                throw new NacreException($"the benchmark HRT's kernel panicked:\n{tail}");
            case ExitKind.TimedOut:
                throw new NacreException($"the benchmark as an HRT did not finish within {Seconds.Format(settings.Timeout)} (--timeout)");
            default:
                throw new NacreException($"the benchmark as an HRT ended unexpectedly ({run.Run.Status.Kind}, code {run.Run.Status.Code}{(output.Ended ? "" : ", no BENCH-END")}):\n{tail}\n{run.Run.Detail ?? run.Run.QemuStderr}");
        }
    }

    /// <summary>The mode names of `nacre bench` (Nacre.Boot.Machine.Mode): the program cannot know where it runs, the CLI does.</summary>
    public static string Mode(QemuOptions options)
    {
        if (options.Machine == MachineKind.Hvm)
        {
            var privilege = new Nacre.Hvm.HrtOptions { Privilege = options.Privilege }.EffectivePrivilege;
            return privilege == Nacre.Hvm.PrivilegeMode.Ring0 ? "hvm-ring0" : "hvm-deprivileged";
        }
        var kvm = options.Accelerator == "kvm";
        var deprivileged = options.KernelArguments.Contains("deprivileged");
        return (kvm ? "kvm-" : "qemu-tcg-") + (deprivileged ? "deprivileged" : "ring0");
    }

    private static void SetMode(BenchOutput output, string mode)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(mode));
        output.Info["mode"] = document.RootElement.Clone();
    }
}
