using System.Collections.Concurrent;
using Nacre.Host.Building;

namespace Nacre.Host.Tests.Support;

/// <summary>
/// Builds each kernel project at most once per test run: builds take seconds, and several
/// tests boot the same image with different arguments.
/// </summary>
public static class BuiltImages
{
    private static readonly ConcurrentDictionary<string, Lazy<BuiltProject>> Cache = new();

    /// <summary>The image of the project at <paramref name="relativeDirectory"/>, built if needed.</summary>
    public static string Get(string relativeDirectory)
    {
        var directory = Repository.PathOf(relativeDirectory);
        Assert.True(Directory.Exists(directory), $"{relativeDirectory} does not exist in {Repository.Root}; these tests need it");
        return Cache.GetOrAdd(directory, d => new Lazy<BuiltProject>(() => ProjectBuilder.Build(d))).Value.Image;
    }
}
