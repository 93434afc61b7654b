using System.Text.RegularExpressions;
using System.Xml.Linq;
using Nacre.Host.Building;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Packaging;

/// <summary>
/// Nacre's NuGet packages for use outside the repository (docs/packages.md): the MSBuild SDK
/// for HRTs, the HVM library for Linux programs, and the dotnet new templates. They are the
/// packable projects of src/Packages/Packages.slnx, packed by one <c>dotnet pack -c Release</c>;
/// the version comes from build/Nacre.Version.props.
/// </summary>
public static partial class NacrePackages
{
    public const string VersionFile = "build/Nacre.Version.props";

    public const string Solution = "src/Packages/Packages.slnx";

    /// <summary>The version in the repository's version file (the NacreVersion property).</summary>
    public static string Version(string root)
    {
        var file = Path.Combine(root, VersionFile);
        if (!File.Exists(file))
            throw new NacreException($"{file} does not exist: it sets the packages' version");
        var version = XDocument.Load(file).Descendants("NacreVersion").FirstOrDefault()?.Value.Trim();
        if (string.IsNullOrEmpty(version) || !VersionPattern().IsMatch(version))
            throw new NacreException($"{file} sets no NacreVersion of the form 1.2.3 (found '{version}')");
        return version;
    }

    /// <summary>
    /// Packs every package into <paramref name="output"/> and returns the .nupkg files written, in
    /// order. With a suffix the version becomes <c>x.y.z-suffix</c>: a fresh version that no
    /// package cache holds yet.
    /// </summary>
    public static IReadOnlyList<string> Pack(string root, string output, string? versionSuffix, Terminal? progress)
    {
        if (versionSuffix is not null && !SuffixPattern().IsMatch(versionSuffix))
            throw new NacreException($"--version-suffix '{versionSuffix}' is not a pre-release label (letters, digits, '-' and '.', starting with a letter or digit)");
        var version = versionSuffix is null ? Version(root) : $"{Version(root)}-{versionSuffix}";
        output = Path.GetFullPath(output);
        Directory.CreateDirectory(output);

        progress?.Progress("pack", $"{Solution} {version} -> {output} ...");
        var started = DateTime.UtcNow.AddSeconds(-1);
        var lines = new List<string>();
        var result = ChildProcess.Run(
            "dotnet",
            ["pack", Path.Combine(root, Solution), "-c", "Release", "-o", output,
             $"-p:NacreVersion={version}", "-nologo", "-tl:off", "-clp:NoSummary"],
            line => { lock (lines) lines.Add(line); },
            line => { lock (lines) lines.Add(line); },
            environment: MsBuild.Environment);
        if (result.ExitCode != 0)
            throw new NacreException($"packing failed:\n{string.Join('\n', ProjectBuilder.ErrorLines(lines))}");

        // What this pack wrote: the packages of this version, new since it started (a feed
        // folder may hold other versions, and packages of this one from an earlier pack).
        var written = Directory.GetFiles(output, $"*.{version}.nupkg")
            .Where(file => File.GetLastWriteTimeUtc(file) >= started)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (written.Count == 0)
            throw new NacreException($"packing succeeded but wrote no *.{version}.nupkg to {output}");
        progress?.Progress("pack", $"{written.Count} package(s) done in {Seconds.Format(result.Elapsed)}");
        return written;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.-]*$")]
    private static partial Regex SuffixPattern();
}
