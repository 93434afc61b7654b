using System.CommandLine;
using Nacre.Cli.Bench;
using Nacre.Cli.Building;
using Nacre.Cli.Images;
using Nacre.Cli.Infrastructure;
using Nacre.Cli.Qemu;

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
        of the measured cache-line round trip, and the goals of issue 5. Under QEMU's TCG the kernel's
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
                Machine = RunCommand.ChooseMachine(new QemuOptions(""), wantQemu, parse.GetValue(hvm)),
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
            return Report(Run(settings, terminal, cancellation), parse.GetValue(json), parse.GetValue(plot), terminal);
        });
        return command;
    }

    /// <summary>Prints a session's tables, writes its JSON and plots when asked; the exit code says whether every self-check held.</summary>
    public static int Report(BenchSession session, string? jsonPath, string? plotDirectory, Terminal terminal)
    {
        foreach (var line in BenchReport.Lines(session))
            terminal.WriteLine(line);
        if (jsonPath is { Length: > 0 })
        {
            BenchJson.Write(session, jsonPath);
            terminal.Progress("bench", $"wrote {jsonPath}");
        }
        if (plotDirectory is { Length: > 0 })
        {
            var written = BenchPlots.Write(session, plotDirectory);
            terminal.Progress("bench", $"wrote {written.Count} plots into {plotDirectory}");
        }
        var failed = session.NacreOutput.Results.Concat(session.LinuxOutput?.Results ?? []).Concat(session.DotNet).Count(r => !r.ChecksOk);
        if (failed > 0)
            terminal.Note($"{failed} benchmark result(s) failed their self-checks (marked with ! above)");
        return failed == 0 ? ExitCodes.Success : ExitCodes.TestsFailed;
    }

    /// <summary>The benchmark prefixes to run: the requested ones plus the floor and the clock, which every ratio needs.</summary>
    public static string? EffectiveOnly(string? only) =>
        string.IsNullOrWhiteSpace(only) ? null : string.Join(',', new[] { "rdtsc", "pingpong" }.Concat(only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct());

    /// <summary>The whole measurement: kernel, then C, then .NET, one after the other (never concurrently).</summary>
    public static BenchSession Run(BenchSettings settings, Terminal terminal, CancellationToken cancellation)
    {
        var root = RepositoryRoot.Find();
        var only = EffectiveOnly(settings.Only);

        var image = ProjectBuilder.Build(Path.Combine(root, "bench", "Kernel"), terminal).Image;
        ImageValidator.Validate(image);
        var nacre = RunKernel(settings, image, only, terminal, cancellation);

        BenchOutput? linux = null;
        var dotnet = new List<BenchResult>();
        var hostHz = 0.0;
        if (settings.Linux)
        {
            var binary = LinuxBaseline.Compile(root);
            var allowed = LinuxThreads.AllowedCpus();
            var linuxCpus = Math.Min(settings.Cpus, allowed.Count);
            terminal.Progress("bench", $"Linux C baseline on {linuxCpus} CPUs ({binary})");
            linux = LinuxBaseline.Run(binary, LinuxBaseline.Arguments(settings.Samples, settings.Warmup, linuxCpus, only), TimeSpan.FromMinutes(3), cancellation);

            hostHz = Tsc.MeasureHz(TimeSpan.FromMilliseconds(100));
            terminal.Progress("bench", $".NET baselines on {linuxCpus} CPUs");
            var selected = Selector(only);
            dotnet = new DotNetBaselines(settings.Samples, settings.Warmup, allowed.Take(linuxCpus).ToList(), hostHz).Run(selected);
        }
        return new BenchSession(nacre, linux, dotnet, hostHz);
    }

    public static Func<string, bool> Selector(string? only)
    {
        if (only is null)
            return _ => true;
        var prefixes = only.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return name => prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
    }

    private static BenchOutput RunKernel(BenchSettings settings, string image, string? only, Terminal terminal, CancellationToken cancellation)
    {
        List<string> arguments = [];
        if (settings.Deprivileged)
            arguments.Add("deprivileged");
        arguments.Add($"samples={settings.Samples}");
        arguments.Add($"warmup={settings.Warmup}");
        if (only is not null)
            arguments.Add($"only={only}");
        var options = new QemuOptions(image)
        {
            Machine = settings.Machine,
            Privilege = settings.Privilege,
            Accelerator = settings.Accelerator,
            Cpus = settings.Cpus,
            MemoryMiB = settings.MemoryMiB,
            Timeout = settings.Timeout,
            KernelArguments = arguments,
        };
        terminal.Progress("bench", $"kernel benchmarks: {MachineRunner.Describe(options)}");

        var output = new BenchOutput();
        var run = RunImage(options, line =>
        {
            if (settings.EchoConsole)
                terminal.Error.WriteLine($"kernel| {(line.Length > 200 ? line[..200] + "..." : line)}");
        }, cancellation);
        foreach (var line in run.Lines)
            output.Add(line);
        var tail = string.Join('\n', run.Lines.TakeLast(25));
        switch (run.Run.Status.Kind)
        {
            case ExitKind.Exited when run.Run.Status.Code is 0 or 1 && output.Ended:
                terminal.Progress("bench", $"kernel benchmarks done in {Seconds.Format(run.Run.Elapsed)} ({output.Results.Count} results, mode {output.Mode})");
                return output;
            case ExitKind.Panicked:
                throw new NacreException($"the benchmark kernel panicked:\n{tail}");
            case ExitKind.TimedOut:
                throw new NacreException($"the benchmark kernel did not finish within {Seconds.Format(settings.Timeout)}");
            default:
                throw new NacreException($"the benchmark kernel ended unexpectedly ({run.Run.Status.Kind}, code {run.Run.Status.Code}){(output.Ended ? "" : ", without BENCH-END")}:\n{tail}\n{run.Run.Detail ?? run.Run.QemuStderr}");
        }
    }

    /// <summary>
    /// Running an image is one function: (image, CPUs, kernel arguments in <paramref name="options"/>)
    /// → every console line and how the run ended, on QEMU or in the HVM (MachineRunner, as nacre run).
    /// </summary>
    public static (QemuRun Run, IReadOnlyList<string> Lines) RunImage(QemuOptions options, Action<string>? onLine, CancellationToken cancellation)
    {
        var lines = new List<string>();
        var run = MachineRunner.Run(options, line =>
        {
            lock (lines)
                lines.Add(line);
            onLine?.Invoke(line);
        }, cancellation);
        return (run, lines);
    }
}

/// <summary>What `nacre bench` was asked to do.</summary>
public sealed class BenchSettings
{
    public MachineKind Machine { get; init; } = MachineKind.Qemu;
    public Nacre.Hvm.PrivilegeMode Privilege { get; init; } = Nacre.Hvm.PrivilegeMode.Auto;
    public string Accelerator { get; init; } = QemuOptions.DefaultAccelerator;
    public int Cpus { get; init; } = 2;
    public int Samples { get; init; } = 1000;
    public int Warmup { get; init; } = 100;
    public string? Only { get; init; }
    public bool Linux { get; init; } = true;
    public bool Deprivileged { get; init; }
    public int MemoryMiB { get; init; } = 256;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(240);
    public bool EchoConsole { get; init; }
}
