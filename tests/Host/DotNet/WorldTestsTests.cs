using Nacre.Host.Tests.Hvm;

namespace Nacre.Host.Tests.DotNet;

/// <summary>
/// tests/Fixtures/WorldTests — GC under pressure, exceptions (hardware faults too), threads, the
/// thread pool, Parallel.For, Monitor, SemaphoreSlim, Barrier, timers, async, the BCL — prints
/// the same lines as an HRT as on Linux, on every machine and CPU count. The one intended
/// difference: starting a process fails cleanly here.
/// </summary>
public sealed class WorldTestsTests
{
    private const string Project = "tests/Fixtures/WorldTests";
    private const string LinuxProcessLine = "started a process, exit code 0";
    private const string HrtProcessLine = "process start failed cleanly: Win32Exception";

    private static readonly Lazy<List<string>> Linux = new(() =>
    {
        var (code, lines) = WorldPrograms.RunOnLinux(WorldPrograms.Published(Project));
        Assert.True(code == 0, $"WorldTests failed on Linux (exit {code}):\n{string.Join('\n', lines)}");
        return lines;
    });

    public static TheoryData<int, string> QemuRuns => new() { { 1, "" }, { 2, "" }, { 2, "deprivileged" } };
    public static TheoryData<int> HvmRuns => new() { 1, 2 };

    [Theory]
    [MemberData(nameof(QemuRuns))]
    public void UnderQemuItPrintsWhatLinuxPrints(int cpus, string mode) =>
        Check(WorldPrograms.RunAsHrt(WorldPrograms.Published(Project), "--qemu", cpus, mode.Length > 0 ? [mode] : []));

    [KvmTheory]
    [MemberData(nameof(HvmRuns))]
    public void InTheHvmItPrintsWhatLinuxPrints(int cpus) =>
        Check(WorldPrograms.RunAsHrt(WorldPrograms.Published(Project), "--hvm", cpus));

    private static void Check((int ExitCode, List<string> Lines, Support.CliResult Cli) hrt)
    {
        Assert.True(hrt.ExitCode == 0, $"WorldTests as an HRT: {hrt.Cli}");
        var expected = Linux.Value.Select(l => l == LinuxProcessLine ? HrtProcessLine : l).ToList();
        Assert.Equal(expected, hrt.Lines);
    }
}
