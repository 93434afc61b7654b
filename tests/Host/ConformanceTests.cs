using System.Text.RegularExpressions;
using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// The conformance suite on .NET: the programs of tests/Kernel/Conformance/Programs, which the
/// Conformance test image runs in the kernel, built unchanged into an ordinary .NET console
/// program (tests/Fixtures/Conformance.DotNet) and run there. Each program must return 100 here as it
/// must in the kernel, so a program that fails only in the kernel points at Nacre, not at the
/// program.
/// </summary>
public sealed partial class ConformanceTests
{
    private const string ProgramsDirectory = "tests/Kernel/Conformance/Programs";

    private static readonly Lazy<Dictionary<string, string>> DotNetResults = new(RunOnDotNet);

    /// <summary>Every program, named `Family.Class` as both runners name it, read from the sources.</summary>
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var name in ProgramNames()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void ReturnsOneHundredOnDotNet(string program)
    {
        Assert.True(DotNetResults.Value.TryGetValue(program, out var result), $"{program} did not run on .NET");
        Assert.True(result == "PASS", $"{program} on .NET: {result}");
    }

    [Fact]
    public void TheSuiteHasAtLeast150ProgramsAndDotNetRunsExactlyThose()
    {
        var names = ProgramNames();
        Assert.True(names.Count >= 150, $"only {names.Count} conformance programs");
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), DotNetResults.Value.Keys.OrderBy(n => n, StringComparer.Ordinal));
    }

    private static List<string> ProgramNames()
    {
        var names = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf(ProgramsDirectory), "*.cs", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            var space = NamespaceLine().Match(text);
            if (!space.Success) continue;
            foreach (Match main in MainMethod().Matches(text))
            {
                var type = ClassLine().Matches(text[..main.Index]).LastOrDefault();
                if (type != null) names.Add(space.Groups[1].Value + "." + type.Groups[1].Value);
            }
        }
        return names;
    }

    private static Dictionary<string, string> RunOnDotNet()
    {
        var output = Path.Combine(Path.GetTempPath(), $"nacre-conformance-{Environment.ProcessId}");
        var lines = new List<string>();
        var build = ChildProcess.Run("dotnet", ["build", Repository.PathOf("tests/Fixtures/Conformance.DotNet"), "-c", "Release", "-o", output, "-nologo", "-tl:off"],
            lines.Add, lines.Add, environment: MsBuild.Environment);
        Assert.True(build.ExitCode == 0, $"building tests/Fixtures/Conformance.DotNet failed:\n{string.Join('\n', lines)}");
        lines.Clear();
        var run = ChildProcess.Run("dotnet", [Path.Combine(output, "conformance.dll")], l => { lock (lines) lines.Add(l); }, _ => { },
            TimeSpan.FromSeconds(300));
        var results = new Dictionary<string, string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("PASS ", StringComparison.Ordinal)) results[line[5..]] = "PASS";
            else if (line.StartsWith("FAIL ", StringComparison.Ordinal) && line.IndexOf(": ", StringComparison.Ordinal) is int colon and > 5)
                results[line[5..colon]] = line[(colon + 2)..];
        }
        Assert.True(run.ExitCode is 0 or 1 && lines.Count > 0 && lines[^1].EndsWith(" failed", StringComparison.Ordinal),
            $"the .NET conformance runner did not finish (exit {run.ExitCode}):\n{string.Join('\n', lines)}");
        return results;
    }

    [GeneratedRegex(@"^namespace Conformance\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"\bstatic int Main\(\)")]
    private static partial Regex MainMethod();

    [GeneratedRegex(@"^    (?:public|internal) static (?:unsafe )?class (\w+)", RegexOptions.Multiline)]
    private static partial Regex ClassLine();
}
