using Nacre.Host.Building;

namespace Nacre.Host.Testing;

/// <summary>
/// Finds the in-kernel test images: projects matching tests/Kernel/*/*.csproj whose
/// NacreTestImage property is true. Other projects there (e.g. images that must panic, which
/// tests/Host drives) are not test images and are skipped.
/// </summary>
public static class TestImageDiscovery
{
    public const string KernelTestsDirectory = "tests/Kernel";

    /// <summary>All project files under tests/Kernel/*/, sorted, whatever their kind.</summary>
    public static IReadOnlyList<string> Candidates(string repositoryRoot)
    {
        var directory = Path.Combine(repositoryRoot, KernelTestsDirectory);
        if (!Directory.Exists(directory))
            return [];
        return Directory.GetDirectories(directory)
            .SelectMany(d => Directory.GetFiles(d, "*.csproj"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A candidate project and whether it is a test image, or why that is unknown.</summary>
    public sealed record Candidate(string ProjectFile, bool IsTestImage, string? Error)
    {
        public string Name => ProjectFile.Length > 0 ? Building.ProjectFile.DisplayName(ProjectFile) : "";
    }

    /// <summary>
    /// Classifies the candidates whose name contains <paramref name="filter"/>. A project that
    /// MSBuild cannot evaluate is kept with its error: it may well be a broken test image, and
    /// dropping it silently would hide its tests.
    /// </summary>
    public static IReadOnlyList<Candidate> Classify(string repositoryRoot, string? filter = null) =>
        Classify(Candidates(repositoryRoot), filter);

    /// <summary>Classifies the given project files whose name contains <paramref name="filter"/>.</summary>
    public static IReadOnlyList<Candidate> Classify(IEnumerable<string> projectFiles, string? filter) =>
        projectFiles
            .Where(p => filter is null || ProjectFile.DisplayName(p).Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Select(p =>
            {
                try
                {
                    return new Candidate(p, ProjectProperties.Query(p).IsTestImage, null);
                }
                catch (Infrastructure.NacreException e)
                {
                    return new Candidate(p, IsTestImage: false, e.Message);
                }
            })
            .ToList();

    /// <summary>The test-image projects, optionally only those whose name contains <paramref name="filter"/>.</summary>
    public static IReadOnlyList<string> Find(string repositoryRoot, string? filter = null) =>
        Classify(repositoryRoot, filter).Where(c => c.IsTestImage).Select(c => c.ProjectFile).ToList();
}
