using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Unit;

/// <summary>Named test runs (NacreTestRun items): parsing, validation, and what they change in a boot.</summary>
public sealed class TestRunTests
{
    private static MsBuild.Item Item(string name, params (string Key, string Value)[] metadata) =>
        new(name, metadata.ToDictionary(m => m.Key, m => m.Value));

    [Fact]
    public void RunAddsItsQemuArgumentsAndReplacesCpusAndMemory()
    {
        var run = TestRun.Parse("p.csproj", Item("numa", ("Cpus", "2"), ("Memory", "512"), ("QemuArgs", " -numa node,memdev=m0\n   -object  x ")));
        var options = run.Apply(new QemuOptions("k.elf") { Cpus = 4, MemoryMiB = 256, ExtraQemuArguments = ["-s"] });

        Assert.Equal("numa", run.Name);
        Assert.Equal((2, 512), (options.Cpus, options.MemoryMiB));
        Assert.Equal(["-s", "-numa", "node,memdev=m0", "-object", "x"], options.ExtraQemuArguments);
    }

    [Fact]
    public void UnsetCpusAndMemoryKeepTheRunnersValues()
    {
        var options = TestRun.Parse("p.csproj", Item("plain")).Apply(new QemuOptions("k.elf") { Cpus = 3, MemoryMiB = 128 });
        Assert.Equal((3, 128), (options.Cpus, options.MemoryMiB));
        Assert.Empty(options.ExtraQemuArguments);
    }

    [Theory]
    [InlineData("two words", "Cpus", "1", "p.csproj: NacreTestRun \"two words\": a run's name uses letters, digits, '-', '_' and '.' only")]
    [InlineData("numa", "Cpus", "0", "p.csproj: NacreTestRun \"numa\": Cpus must be a number from 1 to 255, got \"0\"")]
    [InlineData("numa", "Memory", "lots", "p.csproj: NacreTestRun \"numa\": Memory must be a number from 16 to 65536, got \"lots\"")]
    public void BadRunsAreNamedInTheError(string name, string key, string value, string expected)
    {
        var error = Assert.Throws<NacreException>(() => TestRun.Parse("p.csproj", Item(name, (key, value))));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void MemoryTestsDeclareTheNumaRun()
    {
        var properties = ProjectProperties.Query(Repository.PathOf("tests/Kernel/Memory.Tests/Memory.Tests.csproj"));

        var run = Assert.Single(properties.TestRuns, r => r.Name == "numa");
        Assert.Equal(2, run.Cpus);
        Assert.Equal(2, run.QemuArguments.Count(a => a == "-numa"));
    }

    [Fact]
    public void TestCommandRejectsAProjectThatIsNotATestImage()
    {
        var result = CliResult.Invoke("test", Repository.PathOf("samples/hello"));
        Assert.Equal(125, result.ExitCode);
        Assert.Equal([$"{Repository.PathOf("samples/hello")} is not a test image (its project does not set NacreTestImage to true)"], result.Errors);
    }
}
