using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.DotNet;

/// <summary>
/// The programs the .NET world is tested with, each built at most once per test run: NativeAOT
/// programs published from tests/Fixtures and samples, and C programs from tests/Fixtures/CPrograms
/// built with the system's gcc (the loader and personality do not care which compiler made a
/// program). Runs them as Linux processes and through `nacre run`.
/// </summary>
public static partial class WorldPrograms
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Built = new();

    /// <summary>The NativeAOT program (or library) published from a project directory of the repository.</summary>
    public static string Published(string relativeDirectory) =>
        Built.GetOrAdd("publish:" + relativeDirectory, _ => new Lazy<string>(() => PublishLibraryOrProgram(relativeDirectory))).Value;

    private static string PublishLibraryOrProgram(string relativeDirectory)
    {
        var directory = Repository.PathOf(relativeDirectory);
        var properties = MsBuild.GetProperties(ProjectFile.Locate(directory), ["NativeLib", "AssemblyName"]);
        if (properties.GetValueOrDefault("NativeLib") != "Shared")
            return DotNetProgram.Publish(directory, null);
        var output = Path.Combine(directory, "obj", "nacre-publish");
        var lines = new List<string>();
        var result = ChildProcess.Run("dotnet", ["publish", directory, "-c", "Release", "-o", output, "-nologo", "-tl:off"],
            lines.Add, lines.Add, environment: MsBuild.Environment);
        Assert.True(result.ExitCode == 0, $"publishing {relativeDirectory} failed:\n{string.Join('\n', lines)}");
        return Path.Combine(output, properties["AssemblyName"] + ".so");
    }

    /// <summary>A C program of tests/Fixtures/CPrograms, built as a position-independent executable.</summary>
    public static string C(string name) =>
        Built.GetOrAdd("c:" + name, _ => new Lazy<string>(() =>
        {
            var output = Path.Combine(Path.GetTempPath(), $"nacre-cprograms-{Environment.ProcessId}");
            Directory.CreateDirectory(output);
            var program = Path.Combine(output, name);
            GnuTool.Run(output, "gcc", ["-O1", "-fPIE", "-pie", "-pthread", "-o", program, Repository.PathOf($"tests/Fixtures/CPrograms/{name}.c"), "-lm"]);
            return program;
        })).Value;

    /// <summary>Runs program as a Linux process.</summary>
    public static (int ExitCode, List<string> Lines) RunOnLinux(string program, params string[] args)
    {
        var lines = new List<string>();
        var result = ChildProcess.Run(program, args, line => { lock (lines) lines.Add(line); }, _ => { }, TimeSpan.FromSeconds(300));
        return (result.ExitCode, lines);
    }

    /// <summary>Runs program as an HRT with `nacre run` (machine: "--hvm" or "--qemu"); its console lines without the kernel's boot banner.</summary>
    public static (int ExitCode, List<string> Lines, CliResult Cli) RunAsHrt(string program, string machine, int cpus, params string[] kernelArgs)
    {
        var cli = CliResult.Invoke(["run", program, machine, "--cpus", cpus.ToString(), "--timeout", "300", "--", .. kernelArgs]);
        var lines = cli.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !Banner().IsMatch(l)).ToList();
        return (cli.ExitCode, lines, cli);
    }

    [GeneratedRegex(@"^nacre: \d+ CPUs? up at ")]
    private static partial Regex Banner();
}
