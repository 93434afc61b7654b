using System.CommandLine;
using Nacre.Host.Bench;
using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Cli.Commands;

/// <summary>
/// <c>nacre bench</c>: builds and boots the benchmark HRT (bench/Kernel), runs the Linux baselines
/// (C/pthreads compiled with gcc, and .NET in this process) with the same sample counts, and prints
/// a table per primitive with the same statistics for every source; see docs/benchmarks.md.
/// </summary>
public static class BenchCommand
{
    public const string Description = """
        Benchmark the Aerokernel's primitives against Linux (pthreads in C, and .NET): a table per
        primitive with min/median/p99/max/stddev/CV in cycles and ns, Linux/Nacre ratios, multiples
        of the measured cache-line round trip, and the primitives' speed goals. Under QEMU's TCG the kernel's
        numbers are functional only (no ratios). See docs/benchmarks.md.

        Exit codes: 0 done; 1 a benchmark's self-check failed; 125 an error of nacre; 127 kernel panic.
        """;

    public static Command Create(Terminal terminal, CancellationToken cancellation)
    {
        var hvm = new Option<bool>("--hvm") { Description = "boot the kernel in Nacre's HVM (the default where /dev/kvm is usable; deprivileged on kvm-pvm)" };
        var qemu = new Option<bool>("--qemu") { Description = "boot the kernel under QEMU (TCG: functional only)" };
        var privilege = CommonOptions.Privilege();
        var cpus = CommonOptions.Cpus(2);
        var samples = CommonOptions.Count("--samples", "samples kept per benchmark", 1000, 1);
        var warmup = CommonOptions.Count("--warmup", "samples run and discarded first", 100, 0);
        var json = new Option<string>("--json") { Description = "write every statistic and raw sample to this JSON file", HelpName = "file" };
        var plot = new Option<string>("--plot") { Description = "write a latency CDF per primitive (PNG) into this directory", HelpName = "dir" };
        var only = new Option<string>("--only") { Description = "only benchmarks whose names start with these comma-separated prefixes (the floor always runs)", HelpName = "prefixes" };
        var noLinux = new Option<bool>("--no-linux") { Description = "skip the Linux baselines (C and .NET)" };
        var accel = new Option<string>("--accel") { Description = "QEMU accelerator: tcg (default) or kvm (a host whose KVM runs guest ring 0 natively)", HelpName = "tcg|kvm" };
        var deprivileged = new Option<bool>("--deprivileged") { Description = "under QEMU, run the kernel's C# at CPL 3 (the HVM's mode on kvm-pvm; for the HVM see --privilege)" };
        var memory = CommonOptions.Memory();
        var timeout = new Option<double>("--timeout") { Description = "seconds before the kernel run is killed", DefaultValueFactory = _ => 240, HelpName = "seconds" };
        var echo = new Option<bool>("--verbose", "-v") { Description = "echo the kernel's console" };

        var command = new Command("bench", Description) { hvm, qemu, privilege, cpus, samples, warmup, json, plot, only, noLinux, accel, deprivileged, memory, timeout, echo };
        command.Subcommands.Add(BenchHvmCommand.Create(terminal, cancellation));
        command.Subcommands.Add(BenchDotNetCommand.Create(terminal, cancellation));
        command.Subcommands.Add(BenchMpiCommand.Create(terminal, cancellation));
        command.Validators.Add(result =>
        {
            if (result.GetValue(hvm) && result.GetValue(qemu))
                result.AddError("--hvm and --qemu exclude each other");
            if (result.GetValue(hvm) && (result.GetValue(accel) is not null || result.GetValue(deprivileged)))
                result.AddError("--accel and --deprivileged are QEMU options (the HVM takes --privilege)");
            if (result.GetValue(accel) is { } a && a != "tcg" && a != "kvm")
                result.AddError($"--accel must be tcg or kvm, got {a}");
        });
        command.SetAction(parse =>
        {
            // QEMU when asked for (or for a QEMU-only option), else the HVM where it can run: as nacre run.
            var wantQemu = parse.GetValue(qemu) || parse.GetValue(accel) is not null || parse.GetValue(deprivileged);
            var settings = new BenchSettings
            {
                Machine = MachineChoice.Choose(new QemuOptions(""), wantQemu, parse.GetValue(hvm)),
                Privilege = parse.GetValue(privilege),
                Accelerator = parse.GetValue(accel) == "kvm" ? "kvm" : QemuOptions.DefaultAccelerator,
                Cpus = parse.GetValue(cpus),
                Samples = parse.GetValue(samples),
                Warmup = parse.GetValue(warmup),
                Only = parse.GetValue(only),
                Linux = !parse.GetValue(noLinux),
                Deprivileged = parse.GetValue(deprivileged),
                MemoryMiB = parse.GetValue(memory),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                EchoConsole = parse.GetValue(echo),
            };
            return BenchPublisher.Publish(KernelBench.Run(settings, terminal, cancellation), parse.GetValue(json), parse.GetValue(plot), terminal);
        });
        return command;
    }
}
