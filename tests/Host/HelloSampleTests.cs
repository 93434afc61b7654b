using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>The hello sample, built and booted through the CLI as a user would.</summary>
public sealed class HelloSampleTests
{
    [Fact]
    public void HelloRunsAndExitsZero()
    {
        var result = CliResult.Invoke("run", Repository.PathOf("samples/hello"), "--timeout", "120");

        Assert.True(result.ExitCode == 0, $"expected exit 0; got {result}");
        Assert.Contains(result.Stdout.Split('\n'), line => line.Contains("Hello from Nacre", StringComparison.Ordinal));
        Assert.Contains("[build] hello", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[run] exited with code 0 after", result.Stderr);
    }

    [Fact]
    public void BuildPrintsTheImagePath()
    {
        var result = CliResult.Invoke("build", Repository.PathOf("samples/hello"));

        Assert.True(result.ExitCode == 0, $"expected exit 0; got {result}");
        var image = result.Stdout.Trim();
        Assert.True(Path.IsPathRooted(image), $"not an absolute path: {image}");
        Assert.True(File.Exists(image), $"{image} does not exist");
        Assert.Matches(@"\[build\] \S+ done in \d+\.\d\d s", result.Stderr);
    }
}
