using Nacre.Cli.Infrastructure;

namespace Nacre.Cli.Building;

/// <summary>The MSBuild properties nacre reads from an HRT project (set by build/Nacre.targets).</summary>
/// <param name="Image">Absolute path of the kernel image the Release build produces.</param>
/// <param name="IsTestImage">True when the image runs in-kernel tests (NacreTestImage).</param>
/// <param name="TestCpus">CPU counts a test image must pass under (NacreTestCpus, e.g. "1;2;4"); empty when unset.</param>
public sealed record ProjectProperties(string Image, bool IsTestImage, IReadOnlyList<int> TestCpus)
{
    /// <summary>Evaluates the project (no build) with <c>dotnet msbuild -getProperty</c>.</summary>
    public static ProjectProperties Query(string projectFile)
    {
        var values = MsBuild.GetProperties(projectFile, ["NacreImage", "NacreTestImage", "NacreTestCpus"]);
        var image = values.GetValueOrDefault("NacreImage", "");
        if (image.Length == 0)
            throw new NacreException(
                $"{projectFile} does not define NacreImage; an HRT project must import Nacre's build logic (build/Nacre.props and build/Nacre.targets)");
        var isTest = string.Equals(values.GetValueOrDefault("NacreTestImage", ""), "true", StringComparison.OrdinalIgnoreCase);
        return new ProjectProperties(image, isTest, ParseCpus(projectFile, values.GetValueOrDefault("NacreTestCpus", "")));
    }

    public static IReadOnlyList<int> ParseCpus(string projectFile, string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(';', ',', ' ').Where(p => p.Length > 0))
        {
            if (!int.TryParse(part, out var n) || n < Qemu.QemuOptions.MinCpus || n > Qemu.QemuOptions.MaxCpus)
                throw new NacreException($"{projectFile}: NacreTestCpus must list CPU counts like \"1;2;4\", got \"{text}\"");
            if (!counts.Contains(n)) counts.Add(n);
        }
        return counts;
    }
}
