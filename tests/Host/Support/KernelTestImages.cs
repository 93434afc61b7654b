using Nacre.Host.Machines;
using Nacre.Host.Testing;

namespace Nacre.Host.Tests.Support;

/// <summary>
/// Every in-kernel test image, built and booted once per test process; the parsed reports are
/// shared by theory discovery (one case per in-kernel test) and by the cases' assertions.
/// </summary>
public static class KernelTestImages
{
    /// <summary>
    /// Set (to "off") by <c>nacre test</c>, which has just run the images itself and filters
    /// the in-kernel theory out: theory data is enumerated even for filtered-out tests, so this
    /// is what keeps the images from being booted a second time.
    /// </summary>
    public const string SwitchVariable = HostTestRunner.InKernelSwitch;

    private static readonly Lazy<IReadOnlyList<ImageTestReport>> LazyReports = new(RunAll);

    public static bool Disabled => string.Equals(Environment.GetEnvironmentVariable(SwitchVariable), "off", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<ImageTestReport> Reports => LazyReports.Value;

    /// <summary>Finds the case named <paramref name="test"/> in image <paramref name="image"/>.</summary>
    public static TestCaseResult Find(string image, string test)
    {
        var report = Reports.SingleOrDefault(r => r.Image == image)
            ?? throw new InvalidOperationException($"no test image named {image}");
        return UniqueNames(report).Single(pair => pair.Name == test).Result;
    }

    /// <summary>Case names made unique within an image (xunit needs distinct rows).</summary>
    public static IEnumerable<(string Name, TestCaseResult Result)> UniqueNames(ImageTestReport report)
    {
        var seen = new Dictionary<string, int>();
        foreach (var result in report.Cases)
        {
            var count = seen[result.Name] = seen.GetValueOrDefault(result.Name) + 1;
            yield return (count == 1 ? result.Name : $"{result.Name} #{count}", result);
        }
    }

    private static IReadOnlyList<ImageTestReport> RunAll()
    {
        var projects = TestImageDiscovery.Find(Repository.Root);
        if (projects.Count == 0)
            throw new InvalidOperationException($"no test images found under {TestImageDiscovery.KernelTestsDirectory}");
        var options = new QemuOptions("") { Cpus = 2 };
        return projects.SelectMany(project => TestImageRunner.BuildAndRun(project, options)).ToList();
    }
}
