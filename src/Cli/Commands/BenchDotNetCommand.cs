using System.CommandLine;
using Nacre.Host.Bench;
using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Cli.Commands;

/// <summary>
/// <c>nacre bench dotnet</c>: the .NET runtime's primitives, one NativeAOT binary (bench/DotNet)
/// as a Linux process and as an HRT in the same run; see docs/benchmarks.md.
/// </summary>
public static class BenchDotNetCommand
{
    public const string Description = """
        Benchmark the .NET world: bench/DotNet, published once with NativeAOT, runs as a Linux
        process and as an HRT (in the HVM where /dev/kvm is usable, else QEMU: functional only).
        Task.Run latency, SemaphoreSlim and Monitor ping-pong across CPUs, Parallel.For overhead
        (10 to 10^6 empty iterations), allocation, gen0 and full GC pauses, and compute kernels;
        min/median/p99/max per side, Linux/HRT ratios and the .NET world's speed goals. See docs/benchmarks.md.

        Exit codes: 0 done; 1 a benchmark's self-check failed; 125 an error of nacre; 127 kernel panic.
        """;

    public static Command Create(Terminal terminal, CancellationToken cancellation)
    {
        var hvm = new Option<bool>("--hvm") { Description = "run the HRT in Nacre's HVM (the default where /dev/kvm is usable)" };
        var qemu = new Option<bool>("--qemu") { Description = "run the HRT under QEMU (TCG: functional only)" };
        var privilege = CommonOptions.Privilege();
        var cpus = CommonOptions.Cpus(2);
        var samples = CommonOptions.Count("--samples", "samples kept per benchmark (the millisecond-long ones keep 1/10 or 1/20, at least 10)", 1000, 1);
        var warmup = CommonOptions.Count("--warmup", "samples run and discarded first", 100, 0);
        var json = new Option<string>("--json") { Description = "write every statistic and raw sample to this JSON file", HelpName = "file" };
        var plot = new Option<string>("--plot") { Description = "write a latency CDF per benchmark (PNG) into this directory", HelpName = "dir" };
        var only = new Option<string>("--only") { Description = "only benchmarks whose names start with these comma-separated prefixes (the floor always runs)", HelpName = "prefixes" };
        var deprivileged = new Option<bool>("--deprivileged") { Description = "under QEMU, run the kernel's C# at CPL 3 (the HVM chooses by itself, see --privilege)" };
        var memory = new Option<int>("--memory") { Description = "the HRT's memory in MiB", DefaultValueFactory = _ => DotNetProgram.DefaultMemoryMiB, HelpName = "MiB" };
        var timeout = new Option<double>("--timeout") { Description = "seconds before either run is stopped", DefaultValueFactory = _ => 900, HelpName = "seconds" };
        var echo = new Option<bool>("--verbose", "-v") { Description = "echo the HRT's console" };

        var command = new Command("dotnet", Description) { hvm, qemu, privilege, cpus, samples, warmup, json, plot, only, deprivileged, memory, timeout, echo };
        command.Validators.Add(result =>
        {
            if (result.GetValue(hvm) && result.GetValue(qemu))
                result.AddError("--hvm and --qemu exclude each other");
            if (result.GetValue(hvm) && result.GetValue(deprivileged))
                result.AddError("--deprivileged is a QEMU option (the HVM takes --privilege)");
        });
        command.SetAction(parse =>
        {
            if (parse.GetValue(memory) is < 256 or > 65536)
                throw new NacreException($"--memory must be between 256 and 65536 MiB, got {parse.GetValue(memory)}");
            var settings = new DotNetBenchSettings
            {
                Machine = MachineChoice.Choose(new QemuOptions(""), parse.GetValue(qemu) || parse.GetValue(deprivileged), parse.GetValue(hvm)),
                Privilege = parse.GetValue(privilege),
                Cpus = parse.GetValue(cpus),
                Samples = parse.GetValue(samples),
                Warmup = parse.GetValue(warmup),
                Only = parse.GetValue(only),
                Deprivileged = parse.GetValue(deprivileged),
                MemoryMiB = parse.GetValue(memory),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                EchoConsole = parse.GetValue(echo),
            };
            return BenchPublisher.Publish(DotNetBench.Run(settings, terminal, cancellation), parse.GetValue(json), parse.GetValue(plot), terminal);
        });
        return command;
    }
}
