using Nacre.Cli.Infrastructure;

namespace Nacre.Cli.Building;

/// <summary>The MSBuild properties nacre reads from an HRT project (set by build/Nacre.targets).</summary>
/// <param name="Image">Absolute path of the kernel image the Release build produces.</param>
/// <param name="IsTestImage">True when the image runs in-kernel tests (NacreTestImage).</param>
public sealed record ProjectProperties(string Image, bool IsTestImage)
{
    /// <summary>Evaluates the project (no build) with <c>dotnet msbuild -getProperty</c>.</summary>
    public static ProjectProperties Query(string projectFile)
    {
        var values = MsBuild.GetProperties(projectFile, ["NacreImage", "NacreTestImage"]);
        var image = values.GetValueOrDefault("NacreImage", "");
        if (image.Length == 0)
            throw new NacreException(
                $"{projectFile} does not define NacreImage; an HRT project must import Nacre's build logic (build/Nacre.props and build/Nacre.targets)");
        var isTest = string.Equals(values.GetValueOrDefault("NacreTestImage", ""), "true", StringComparison.OrdinalIgnoreCase);
        return new ProjectProperties(image, isTest);
    }
}
