using Nacre.Host.Building;
using Nacre.Host.Machines;
using Nacre.Host.Images;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Testing;

/// <summary>Boots one test image and collects its report; shared by <c>nacre test</c> and tests/Host.</summary>
public static class TestImageRunner
{
    /// <summary>Whether BuildAndRun also boots each image in the HVM (or reports why it cannot).</summary>
    public static bool AlsoInHvm { get; set; } = true;

    /// <param name="onResult">Called for each PASS/FAIL line as soon as the guest prints it.</param>
    /// <param name="onConsoleLine">Called for every console line (for --verbose).</param>
    public static ImageTestReport Run(
        string name,
        string image,
        QemuOptions options,
        Action<TestCaseResult>? onResult = null,
        Action<string>? onConsoleLine = null,
        CancellationToken cancellation = default)
    {
        try
        {
            ImageValidator.Validate(image);
        }
        catch (NacreException e)
        {
            return ImageTestReport.Broken(name, e.Message);
        }

        var console = new TestOutputParser();
        var run = MachineRunner.Run(options with { Image = image }, line =>
        {
            onConsoleLine?.Invoke(line);
            if (console.Feed(line) is { } result)
                onResult?.Invoke(result);
        }, cancellation);
        return TestImageEvaluator.Evaluate(name, console, run, options.Timeout);
    }

    /// <summary>
    /// Builds a test image project and runs it once per CPU count it asks for (NacreTestCpus),
    /// then once per named run it declares (NacreTestRun items: their CPUs, memory and extra QEMU
    /// arguments); with <paramref name="cpusOverride"/>, only once with that many CPUs. With
    /// several CPU counts each report is named "Image[cpus=N]"; a named run's is "Image[name]".
    /// A build failure is one failed report for the image.
    /// </summary>
    public static IReadOnlyList<ImageTestReport> BuildAndRun(
        string projectPath,
        QemuOptions options,
        int? cpusOverride = null,
        Terminal? progress = null,
        Func<string, Action<TestCaseResult>?>? onResult = null,
        Func<string, Action<string>?>? onConsoleLine = null,
        CancellationToken cancellation = default)
    {
        BuiltProject built;
        try
        {
            built = ProjectBuilder.Build(projectPath, progress);
        }
        catch (NacreException e)
        {
            var name = projectPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                ? ProjectFile.DisplayName(projectPath)
                : Path.GetFileName(Path.TrimEndingDirectorySeparator(projectPath));
            return [ImageTestReport.Broken(name, e.Message)];
        }

        IReadOnlyList<int> counts = cpusOverride is { } only ? [only] : built.TestCpus.Count > 0 ? built.TestCpus : [options.Cpus];
        var runs = counts.Select(cpus => (Name: counts.Count > 1 ? $"{built.Name}[cpus={cpus}]" : built.Name, Options: options with { Cpus = cpus })).ToList();
        if (cpusOverride is null)
            runs.AddRange(built.TestRuns.Select(run => (Name: $"{built.Name}[{run.Name}]", Options: run.Apply(options))));

        var reports = new List<ImageTestReport>();
        if (AlsoInHvm)
        {
            // The same CPU counts in the HVM (native speed, deprivileged on kvm-pvm), up to this
            // host's cores: more polling vCPUs than cores only measures the host's scheduler.
            var hvmCounts = counts.Where(c => c <= Environment.ProcessorCount).ToList();
            if (!HvmRunner.IsUsable(out var reason))
                reports.Add(new ImageTestReport($"{built.Name}[hvm]", [TestCaseResult.Skip(ImageTestReport.WholeImage, $"the HVM cannot run here: {reason}")], TimeSpan.Zero));
            else
                runs.AddRange(hvmCounts.Select(cpus => (Name: $"{built.Name}[hvm cpus={cpus}]", Options: options with { Cpus = cpus, Machine = MachineKind.Hvm })));
        }

        foreach (var (name, runOptions) in runs)
            reports.Add(Run(name, built.Image, runOptions, onResult?.Invoke(name), onConsoleLine?.Invoke(name), cancellation));
        return reports;
    }
}
