using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Host.Testing;

/// <summary>
/// `nacre test` without the command line: which projects run, the in-kernel test images with
/// their results echoed as they come, and the host tests; each step adds to the totals.
/// </summary>
public static class TestSession
{
    /// <summary>
    /// The image projects to run and whether to run the host tests: everything when no project is
    /// named; otherwise the named ones, each of which must be a test image or the host project.
    /// </summary>
    public static (IReadOnlyList<string> Images, bool Host) Select(string root, string[] named)
    {
        if (named.Length == 0)
            return (TestImageDiscovery.Candidates(root), true);
        var hostProject = ProjectFile.Locate(Path.Combine(root, HostTestRunner.ProjectDirectory));
        var images = new List<string>();
        var host = false;
        foreach (var path in named)
        {
            var project = ProjectFile.Locate(path);
            if (project == hostProject)
                host = true;
            else if (!ProjectProperties.Query(project).IsTestImage)
                throw new NacreException($"{path} is not a test image (its project does not set NacreTestImage to true)");
            else if (!images.Contains(project))
                images.Add(project);
        }
        return (images, host);
    }

    public static TestTotals RunImages(IReadOnlyList<string> projects, string? filter, QemuOptions options, int? cpusOverride, bool verbose, Terminal terminal, CancellationToken cancellation)
    {
        var totals = TestTotals.Zero;
        foreach (var candidate in TestImageDiscovery.Classify(projects, filter))
        {
            var name = candidate.Name;
            if (candidate.Error is not null)
            {
                terminal.WriteLine($"{name}: FAIL {ImageTestReport.WholeImage}: {candidate.Error}");
                totals = totals.Add(0, 1);
                continue;
            }
            if (!candidate.IsTestImage)
                continue;

            var echoed = new HashSet<(string, TestCaseResult)>();
            var reports = TestImageRunner.BuildAndRun(
                candidate.ProjectFile,
                options,
                cpusOverride,
                terminal,
                onResult: image => result =>
                {
                    echoed.Add((image, result));
                    terminal.WriteLine($"{image}: {result}");
                },
                onConsoleLine: verbose ? image => line => terminal.WriteLine($"{image}| {line}") : null,
                cancellation);

            foreach (var report in reports)
            {
                // Failures found after the run (panic, timeout, bad closing line) were not echoed live.
                foreach (var result in report.Cases.Where(c => !echoed.Contains((report.Image, c))))
                    terminal.WriteLine($"{report.Image}: {result}");
                terminal.Progress("test", $"{report.Image}: {new TestTotals(report.Passed, report.Failed, report.Skipped)} in {Seconds.Format(report.Elapsed)}");
                totals = totals.Add(report.Passed, report.Failed, report.Skipped);
            }
        }
        return totals;
    }

    public static TestTotals RunHost(string root, string? filter, Terminal terminal, TestTotals totals, CancellationToken cancellation)
    {
        HostTestResults host;
        try
        {
            host = HostTestRunner.Run(root, filter, terminal, cancellation);
        }
        catch (NacreException e)
        {
            // Still end with the closing line: a host suite that cannot run is a failure, not a crash.
            host = new HostTestResults([new TestCaseResult("(host run)", Passed: false, e.Message)], 0, [e.Message]);
        }
        foreach (var result in host.Cases)
            terminal.WriteLine($"host: {result}");
        return totals.Add(host.Passed, host.Failed, host.Skipped);
    }
}
