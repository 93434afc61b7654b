using Nacre.Host.Infrastructure;

namespace Nacre.Host.Tests.Support;

/// <summary>Runs GNU as/ld (installed by scripts/setup.sh) for the tiny test guests.</summary>
public static class GnuTool
{
    /// <summary>Runs <paramref name="tool"/> in <paramref name="directory"/>; fails the test with its output if it fails.</summary>
    public static void Run(string directory, string tool, IEnumerable<string> arguments)
    {
        var output = new List<string>();
        var result = ChildProcess.Run(tool, arguments, output.Add, output.Add, TimeSpan.FromSeconds(60), directory);
        Assert.True(result.ExitCode == 0, $"{tool} failed:\n{string.Join('\n', output)}");
    }
}
