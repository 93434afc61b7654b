using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.DotNet;

/// <summary>
/// samples/dotnet, an ordinary console app, prints the same lines under `dotnet run` (the JIT),
/// as its NativeAOT build on Linux, and under `nacre run` on the Aerokernel.
/// </summary>
public sealed class DotNetSampleTests
{
    [Fact]
    public void DotnetRunNativeAotOnLinuxAndNacreRunAgree()
    {
        var jit = new List<string>();
        var run = ChildProcess.Run("dotnet", ["run", "--project", Repository.PathOf("samples/dotnet"), "-c", "Release", "--", "a", "b"],
            line => { lock (jit) jit.Add(line); }, _ => { }, TimeSpan.FromSeconds(300), environment: MsBuild.Environment);
        Assert.True(run.ExitCode == 0, $"dotnet run: exit {run.ExitCode}\n{string.Join('\n', jit)}");

        var program = WorldPrograms.Published("samples/dotnet");
        var linux = WorldPrograms.RunOnLinux(program, "a", "b");
        Assert.Equal(0, linux.ExitCode);
        Assert.Equal(jit, linux.Lines);

        var hrt = WorldPrograms.RunAsHrt(Repository.PathOf("samples/dotnet"), "--qemu", 2, "a", "b");
        Assert.True(hrt.ExitCode == 0, hrt.Cli.ToString());
        Assert.Equal(jit, hrt.Lines);
        Assert.Contains(hrt.Cli.Stderr.Split('\n'), l => l.StartsWith("[publish]", StringComparison.Ordinal));
    }
}
