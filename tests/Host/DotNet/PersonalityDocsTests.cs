using System.Text.RegularExpressions;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.DotNet;

/// <summary>docs/dotnet.md's table of the personality's functions lists every one the sources export, and nothing else.</summary>
public sealed partial class PersonalityDocsTests
{
    [Fact]
    public void TheTableListsEveryExportedFunction()
    {
        var exported = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("src/Personality"), "*.cs", SearchOption.AllDirectories))
            foreach (Match attribute in LibcExport().Matches(File.ReadAllText(file)))
                foreach (Match name in Quoted().Matches(attribute.Groups[1].Value))
                    exported.Add(name.Groups[1].Value);
        foreach (Match name in AsmName().Matches(File.ReadAllText(Repository.PathOf("src/Personality/arch/x64/personality.S"))))
            exported.Add(name.Groups[1].Value);
        Assert.True(exported.Count > 400, $"only {exported.Count} exports found: the scan is broken");

        var table = File.ReadAllLines(Repository.PathOf("docs/dotnet.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal));
        var documented = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in table)
            foreach (Match name in Code().Matches(row.Split('|')[2]))
                documented.Add(name.Groups[1].Value);

        Assert.Empty(exported.Except(documented));
        Assert.Empty(documented.Except(exported));
    }

    [GeneratedRegex(@"\[LibcExport\(([^)]*)\)\]")]
    private static partial Regex LibcExport();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\.asciz ""([^""]+)""")]
    private static partial Regex AsmName();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
