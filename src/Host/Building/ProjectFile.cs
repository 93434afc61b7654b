using Nacre.Host.Infrastructure;

namespace Nacre.Host.Building;

/// <summary>Finds the one .csproj that makes a directory an HRT project.</summary>
public static class ProjectFile
{
    /// <summary>Accepts a project directory or a .csproj path; returns the .csproj's full path.</summary>
    public static string Locate(string path)
    {
        if (File.Exists(path) && path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            return Path.GetFullPath(path);
        if (!Directory.Exists(path))
            throw new NacreException($"{path} does not exist");

        var projects = Directory.GetFiles(path, "*.csproj");
        return projects.Length switch
        {
            1 => Path.GetFullPath(projects[0]),
            0 => throw new NacreException($"{path} contains no .csproj file, so it is not an HRT project"),
            _ => throw new NacreException(
                $"{path} contains {projects.Length} .csproj files ({string.Join(", ", projects.Select(Path.GetFileName).Order())}); an HRT project directory must contain exactly one"),
        };
    }

    /// <summary>The name shown in progress lines: the project file's name without extension.</summary>
    public static string DisplayName(string projectFile) => Path.GetFileNameWithoutExtension(projectFile);
}
