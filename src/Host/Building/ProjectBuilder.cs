using System.Text.RegularExpressions;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Building;

/// <summary>An HRT project that was built: where its image is, whether it is a test image and how to run it.</summary>
public sealed record BuiltProject(string ProjectFile, string Name, string Image, bool IsTestImage, IReadOnlyList<int> TestCpus, IReadOnlyList<TestRun> TestRuns, TimeSpan Elapsed);

/// <summary>
/// Builds an HRT project with <c>dotnet build -c Release</c> and finds its image. Build output
/// is captured, not shown: on failure only MSBuild's error lines are reported, which is what a
/// person needs; the whole log is one `dotnet build` away.
/// </summary>
public static partial class ProjectBuilder
{
    /// <summary>Builds the project in <paramref name="path"/> (a directory or a .csproj).</summary>
    /// <param name="progress">Receives <c>[build]</c> progress lines; null for silence.</param>
    public static BuiltProject Build(string path, Terminal? progress = null)
    {
        var projectFile = ProjectFile.Locate(path);
        var name = ProjectFile.DisplayName(projectFile);
        progress?.Progress("build", $"{name} ...");

        var output = new List<string>();
        var result = ChildProcess.Run(
            "dotnet",
            ["build", projectFile, "-c", "Release", "-nologo", "-tl:off", "-clp:NoSummary"],
            line => { lock (output) output.Add(line); },
            line => { lock (output) output.Add(line); },
            environment: MsBuild.Environment);

        if (result.ExitCode != 0)
            throw new NacreException($"building {name} failed:\n{string.Join('\n', ErrorLines(output))}");

        var properties = ProjectProperties.Query(projectFile);
        if (!File.Exists(properties.Image))
            throw new NacreException($"building {name} succeeded but produced no image at {properties.Image}");

        progress?.Progress("build", $"{name} done in {Seconds.Format(result.Elapsed)}");
        return new BuiltProject(projectFile, name, properties.Image, properties.IsTestImage, properties.TestCpus, properties.TestRuns, result.Elapsed);
    }

    /// <summary>The image a command was pointed at: a project (directory or .csproj) is built first, anything else is taken as an image path.</summary>
    public static string ImageOf(string target, Terminal? progress)
    {
        var isProject = Directory.Exists(target) || target.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
        return isProject ? Build(target, progress).Image : target;
    }

    /// <summary>
    /// MSBuild's canonical error lines ("file(line,col): error CODE: text [project]"), each once.
    /// When a tool run by an Exec task failed (MSB3073), its own complaint is ordinary output
    /// just before the error, so that output is kept too. When nothing looks like an error (a
    /// crashed tool), the tail of the log is returned instead.
    /// </summary>
    public static IReadOnlyList<string> ErrorLines(IReadOnlyList<string> buildOutput)
    {
        var lines = buildOutput.Select(line => line.TrimEnd()).ToList();
        var errorIndexes = Enumerable.Range(0, lines.Count).Where(i => ErrorLine().IsMatch(lines[i])).ToList();
        if (errorIndexes.Count == 0)
            return lines.TakeLast(30).ToList();

        var selected = new List<string>();
        var execFailure = errorIndexes.FirstOrDefault(i => lines[i].Contains("MSB3073", StringComparison.Ordinal), -1);
        if (execFailure >= 0)
            selected.AddRange(lines.Skip(Math.Max(0, execFailure - 20)).Take(Math.Min(20, execFailure))
                .Where(line => !ErrorLine().IsMatch(line) && line.Trim().Length > 0));
        selected.AddRange(errorIndexes.Select(i => lines[i].Trim()));
        return selected.Distinct().ToList();
    }

    [GeneratedRegex(@"\berror\s+[A-Z]+\d+\s*:|:\s*error\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();
}
