namespace Nacre.Host.Infrastructure;

/// <summary>Finds the Nacre repository that a command works on.</summary>
public static class RepositoryRoot
{
    /// <summary>
    /// NACRE_ROOT if set (the ./nacre script sets it), else the nearest directory at or above
    /// <paramref name="start"/> holding the ./nacre script or build/Nacre.props.
    /// </summary>
    public static string Find(string? start = null)
    {
        if (Environment.GetEnvironmentVariable("NACRE_ROOT") is { Length: > 0 } root && Directory.Exists(root))
            return Path.GetFullPath(root);

        var origin = Path.GetFullPath(start ?? Directory.GetCurrentDirectory());
        for (var directory = new DirectoryInfo(origin); directory is not null; directory = directory.Parent)
        {
            if (IsRoot(directory.FullName))
                return directory.FullName;
        }
        throw new NacreException($"{origin} is not inside a Nacre repository (no ./nacre or build/Nacre.props above it)");
    }

    private static bool IsRoot(string directory) =>
        File.Exists(Path.Combine(directory, "nacre")) && Directory.Exists(Path.Combine(directory, "src", "Cli")) ||
        File.Exists(Path.Combine(directory, "build", "Nacre.props"));
}
