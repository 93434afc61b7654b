using Nacre.Host.Building;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Testing;

/// <summary>
/// Runs the host-side xunit project (tests/Host) with <c>dotnet test</c> and reads its results
/// from a TRX file. Its in-kernel theory (trait Category=InKernel) is excluded: <c>nacre test</c>
/// has just run the same images itself, and counting them twice would inflate the totals.
/// </summary>
public static class HostTestRunner
{
    public const string ProjectDirectory = "tests/Host";
    public const string InKernelCategory = "InKernel";

    /// <summary>
    /// Tells tests/Host not to boot the images while enumerating its in-kernel theory: xunit
    /// enumerates theory data even for tests the filter excludes.
    /// </summary>
    public const string InKernelSwitch = "NACRE_HOST_IN_KERNEL";

    public static HostTestResults Run(string repositoryRoot, string? filter, Terminal terminal, CancellationToken cancellation = default)
    {
        var project = ProjectFile.Locate(Path.Combine(repositoryRoot, ProjectDirectory));
        var resultsDirectory = Directory.CreateTempSubdirectory("nacre-host-tests-");
        try
        {
            var testFilter = $"Category!={InKernelCategory}";
            if (filter is not null)
                testFilter += $"&FullyQualifiedName~{filter}";

            terminal.Progress("host", $"dotnet test {ProjectDirectory} ...");
            var output = new List<string>();
            var result = ChildProcess.Run(
                "dotnet",
                ["test", project, "-nologo", "-tl:off", "--filter", testFilter,
                 "--logger", "trx;LogFileName=host.trx", "--results-directory", resultsDirectory.FullName],
                line => { lock (output) output.Add(line); },
                line => { lock (output) output.Add(line); },
                environment: new Dictionary<string, string>(MsBuild.Environment) { [InKernelSwitch] = "off" },
                cancellation: cancellation);
            if (result.Cancelled)
                throw new OperationCanceledException(cancellation);
            terminal.Progress("host", $"done in {Seconds.Format(result.Elapsed)}");

            var trx = Path.Combine(resultsDirectory.FullName, "host.trx");
            if (!File.Exists(trx))
            {
                // No TRX: the project did not build, or dotnet test failed before running anything.
                var detail = string.Join('\n', ProjectBuilder.ErrorLines(output));
                return Failure($"dotnet test exited with code {result.ExitCode} and wrote no results:\n{detail}");
            }

            var results = TrxReader.Read(trx);
            if (result.ExitCode != 0 && results.Failed == 0)
            {
                var reason = results.RunErrors.Count > 0 ? string.Join(" | ", results.RunErrors) : "see dotnet test's output";
                results = results with { Cases = [.. results.Cases, new TestCaseResult("(host run)", false, $"dotnet test exited with code {result.ExitCode}: {reason}")] };
            }
            return results;
        }
        finally
        {
            resultsDirectory.Delete(recursive: true);
        }
    }

    private static HostTestResults Failure(string message) =>
        new([new TestCaseResult("(host run)", Passed: false, message)], Skipped: 0, RunErrors: [message]);
}
