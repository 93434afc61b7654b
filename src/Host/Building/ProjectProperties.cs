using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Host.Building;

/// <summary>The MSBuild properties nacre reads from an HRT project (set by build/Nacre.targets).</summary>
/// <param name="Image">Absolute path of the kernel image the Release build produces.</param>
/// <param name="IsTestImage">True when the image runs in-kernel tests (NacreTestImage).</param>
/// <param name="TestCpus">CPU counts a test image must pass under (NacreTestCpus, e.g. "1;2;4"); empty when unset.</param>
/// <param name="TestRuns">Extra named machine configurations the test image must also pass under (NacreTestRun items).</param>
public sealed record ProjectProperties(string Image, bool IsTestImage, IReadOnlyList<int> TestCpus, IReadOnlyList<TestRun> TestRuns)
{
    public const string TestRunItem = "NacreTestRun";

    /// <summary>Evaluates the project (no build) with <c>dotnet msbuild -getProperty -getItem</c>.</summary>
    public static ProjectProperties Query(string projectFile)
    {
        var evaluation = MsBuild.Evaluate(projectFile, ["NacreImage", "NacreTestImage", "NacreTestCpus"], [TestRunItem]);
        var values = evaluation.Properties;
        var image = values.GetValueOrDefault("NacreImage", "");
        if (image.Length == 0)
            throw new NacreException(
                $"{projectFile} does not define NacreImage; an HRT project must import Nacre's build logic (build/Nacre.props and build/Nacre.targets)");
        var isTest = string.Equals(values.GetValueOrDefault("NacreTestImage", ""), "true", StringComparison.OrdinalIgnoreCase);
        var runs = evaluation.Items.GetValueOrDefault(TestRunItem, []).Select(item => TestRun.Parse(projectFile, item)).ToList();
        var duplicate = runs.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new NacreException($"{projectFile}: two {TestRunItem} items are named \"{duplicate.Key}\"");
        return new ProjectProperties(image, isTest, ParseCpus(projectFile, values.GetValueOrDefault("NacreTestCpus", "")), runs);
    }

    public static IReadOnlyList<int> ParseCpus(string projectFile, string text)
    {
        var counts = new List<int>();
        foreach (var part in text.Split(';', ',', ' ').Where(p => p.Length > 0))
        {
            if (!int.TryParse(part, out var n) || n < QemuOptions.MinCpus || n > QemuOptions.MaxCpus)
                throw new NacreException($"{projectFile}: NacreTestCpus must list CPU counts like \"1;2;4\", got \"{text}\"");
            if (!counts.Contains(n)) counts.Add(n);
        }
        return counts;
    }
}

/// <summary>
/// A named machine configuration a test image is also booted under, from an item in its project:
/// <c>&lt;NacreTestRun Include="numa" Cpus="2" Memory="256" QemuArgs="-numa ..." KernelArgs="deprivileged" /&gt;</c>.
/// Cpus and Memory default to the runner's; QemuArgs and KernelArgs are whitespace-separated (no
/// quoting); KernelArgs are kernel options (docs/boot.md), put before any test filters.
/// </summary>
public sealed record TestRun(string Name, int? Cpus, int? MemoryMiB, IReadOnlyList<string> QemuArguments, IReadOnlyList<string> KernelArguments)
{
    /// <summary>These options with the run's CPUs, memory, extra QEMU arguments (after any already
    /// there) and kernel options (before the arguments already there).</summary>
    public QemuOptions Apply(QemuOptions options) => options with
    {
        Cpus = Cpus ?? options.Cpus,
        MemoryMiB = MemoryMiB ?? options.MemoryMiB,
        ExtraQemuArguments = [.. options.ExtraQemuArguments, .. QemuArguments],
        KernelArguments = [.. KernelArguments, .. options.KernelArguments],
    };

    public static TestRun Parse(string projectFile, MsBuild.Item item)
    {
        var name = item.Identity.Trim();
        var where = $"{projectFile}: {ProjectProperties.TestRunItem} \"{name}\"";
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new NacreException($"{where}: a run's name uses letters, digits, '-', '_' and '.' only");
        var cpus = Number(item, "Cpus", QemuOptions.MinCpus, QemuOptions.MaxCpus, where);
        var memory = Number(item, "Memory", QemuOptions.MinMemoryMiB, QemuOptions.MaxMemoryMiB, where);
        var qemuArguments = Words(item, "QemuArgs");
        var kernelArguments = Words(item, "KernelArgs");
        return new TestRun(name, cpus, memory, qemuArguments, kernelArguments);
    }

    private static string[] Words(MsBuild.Item item, string metadata) =>
        item.Metadata.GetValueOrDefault(metadata, "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static int? Number(MsBuild.Item item, string metadata, int min, int max, string where)
    {
        var text = item.Metadata.GetValueOrDefault(metadata, "").Trim();
        if (text.Length == 0)
            return null;
        if (!int.TryParse(text, out var n) || n < min || n > max)
            throw new NacreException($"{where}: {metadata} must be a number from {min} to {max}, got \"{text}\"");
        return n;
    }
}
