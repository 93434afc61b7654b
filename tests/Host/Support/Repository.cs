using Nacre.Host.Infrastructure;

namespace Nacre.Host.Tests.Support;

/// <summary>Paths in the repository under test.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(() => RepositoryRoot.Find(AppContext.BaseDirectory));

    public static string Root => LazyRoot.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
