using Nacre.Host.Building;
using Nacre.Host.Images;
using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Host.Bench;

/// <summary>
/// `nacre bench`: builds and boots the benchmark HRT (bench/Kernel), runs the Linux baselines
/// (C/pthreads compiled with gcc, and .NET in this process) with the same sample counts, and
/// gathers everything into one <see cref="BenchSession"/>; see docs/benchmarks.md.
/// </summary>
public static class KernelBench
{
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
        var run = MachineRunner.RunCollectingLines(options, line =>
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
}
