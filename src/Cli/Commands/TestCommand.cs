using System.CommandLine;
using Nacre.Cli.Building;
using Nacre.Cli.Infrastructure;
using Nacre.Cli.Qemu;
using Nacre.Cli.Testing;

namespace Nacre.Cli.Commands;

/// <summary>
/// <c>nacre test</c>: builds and runs every in-kernel test image, then the host-side xunit
/// project, and ends with one line "N passed, M failed" over both.
/// </summary>
public static class TestCommand
{
    public const string Description = """
        Build and run every test image (tests/Kernel/*/*.csproj with NacreTestImage=true), then the
        host tests (dotnet test tests/Host), and print one closing line "N passed, M failed".
        Given projects, run only those: test images, and tests/Host for the host tests.

        Exit codes: 0 all tests passed; 1 some test failed; 125 an error of nacre.
        """;

    public static Command Create(Terminal terminal, CancellationToken cancellation)
    {
        var filter = new Option<string>("--filter") { Description = "only test images, and host tests, whose name contains this", HelpName = "substring" };
        var cpus = CommonOptions.Cpus();
        var memory = CommonOptions.Memory();
        var timeout = CommonOptions.Timeout("the image");
        var noHost = new Option<bool>("--no-host") { Description = "skip the host tests (tests/Host)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "echo every console line of the test images" };
        var qemuOnly = new Option<bool>("--qemu") { Description = "boot the test images under QEMU only, not also in the HVM" };

        var projects = new Argument<string[]>("project") { Description = "test image projects (or tests/Host) to run instead of all", Arity = ArgumentArity.ZeroOrMore };

        var command = new Command("test", Description) { projects, filter, cpus, memory, timeout, noHost, verbose, qemuOnly };
        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find();
            var (images, host) = Select(root, parse.GetValue(projects) ?? []);
            var options = new QemuOptions("")
            {
                Cpus = parse.GetValue(cpus),
                MemoryMiB = parse.GetValue(memory),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            };
            TestImageRunner.AlsoInHvm = !parse.GetValue(qemuOnly);
            var substring = parse.GetValue(filter) is { Length: > 0 } f ? f : null;

            // An explicit --cpus overrides the CPU counts the test projects ask for.
            int? cpusOverride = parse.GetResult(cpus) is { Implicit: false } ? parse.GetValue(cpus) : null;
            var totals = RunImages(images, substring, options, cpusOverride, parse.GetValue(verbose), terminal, cancellation);
            if (host && !parse.GetValue(noHost))
                totals = RunHost(root, substring, terminal, totals, cancellation);

            if (totals.Passed + totals.Failed + totals.Skipped == 0)
                throw new NacreException(substring is null ? "no tests were found" : $"no tests match '{substring}'");
            terminal.WriteLine(totals.ToString());
            return totals.Failed == 0 ? ExitCodes.Success : ExitCodes.TestsFailed;
        });
        return command;
    }

    /// <summary>
    /// The image projects to run and whether to run the host tests: everything when no project is
    /// named; otherwise the named ones, each of which must be a test image or the host project.
    /// </summary>
    private static (IReadOnlyList<string> Images, bool Host) Select(string root, string[] named)
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

    private static TestTotals RunImages(IReadOnlyList<string> projects, string? filter, QemuOptions options, int? cpusOverride, bool verbose, Terminal terminal, CancellationToken cancellation)
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

    private static TestTotals RunHost(string root, string? filter, Terminal terminal, TestTotals totals, CancellationToken cancellation)
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
