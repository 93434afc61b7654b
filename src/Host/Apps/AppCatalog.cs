namespace Nacre.Host.Apps;

/// <summary>One size of an application: the argument it takes and the guest memory it needs.</summary>
public sealed record AppSize(string Argument, int MemoryMiB);

/// <summary>
/// An application of apps/: one source folder with an HRT project (Hrt/) and a NativeAOT Linux
/// project (Linux/), the sizes it is benchmarked at, its quick size for tests, and the HRT
/// export that solves a problem built in the HVM arena.
/// </summary>
public sealed record AppSpec(string Name, string Directory, string Export, AppSize Test, AppSize Small, AppSize Large)
{
    public string HrtProject => Path.Combine(Directory, "Hrt");
    public string LinuxProject => Path.Combine(Directory, "Linux");
    public string LinuxExecutableName => $"{Path.GetFileName(Directory)}.Linux";

    public IReadOnlyList<AppSize> BenchSizes => [Small, Large];
}

/// <summary>The applications of apps/ (docs/runtime.md).</summary>
public static class AppCatalog
{
    public static IReadOnlyList<AppSpec> All(string repositoryRoot) =>
    [
        new("ep", Path.Combine(repositoryRoot, "apps", "Ep"), "ep_solve",
            Test: new("T", 128), Small: new("S", 128), Large: new("W", 128)),
        new("cg", Path.Combine(repositoryRoot, "apps", "Cg"), "cg_solve",
            Test: new("test", 256), Small: new("small", 256), Large: new("large", 512)),
        new("circuit", Path.Combine(repositoryRoot, "apps", "Circuit"), "circuit_solve",
            Test: new("test", 256), Small: new("small", 256), Large: new("large", 256)),
    ];

    /// <summary>
    /// apps/Grain, the fine-grained workloads of the grain sweep (fib-N-C, stencil-G-S). Not one of
    /// All: it has no HVM export, so `bench apps` does not run it; `bench apps --sweep` does.
    /// </summary>
    public static AppSpec Grain(string repositoryRoot) =>
        new("grain", Path.Combine(repositoryRoot, "apps", "Grain"), Export: "",
            Test: new("fib-16-8", 128), Small: new("fib-30-12", 128), Large: new("stencil-64-1024", 128));

    public static AppSpec Find(string repositoryRoot, string name) =>
        All(repositoryRoot).FirstOrDefault(a => a.Name == name)
        ?? throw new Infrastructure.NacreException($"unknown application '{name}' (known: {string.Join(", ", All(repositoryRoot).Select(a => a.Name))})");
}
