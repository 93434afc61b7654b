using Nacre.Host.Tests.Hvm;

namespace Nacre.Host.Tests.DotNet;

/// <summary>
/// The loader and the libc personality with programs that are not .NET: C programs built by
/// gcc against glibc (threads, TLS, stdio, math through the host's libm, signal handlers that
/// change the faulting context, pthread_kill to a running thread) print what they print on
/// Linux — libm's results too, bit for bit over 320,000 arguments (the host's libm.so.6 is loaded
/// as it is, and picks the same SSE/FMA/AVX2 code paths); a crash, and an import nothing
/// provides, are reported clearly; functions that fill a caller's structure write nothing past it.
/// </summary>
public sealed class CProgramTests
{
    public static TheoryData<string, string, int> Runs => new()
    {
        { "basics", "--qemu", 1 }, { "basics", "--qemu", 2 }, { "signals", "--qemu", 1 }, { "signals", "--qemu", 2 },
        { "libm", "--qemu", 1 }, { "buffers", "--qemu", 1 },
    };

    public static TheoryData<string, int> HvmRuns => new() { { "basics", 2 }, { "signals", 1 }, { "signals", 2 }, { "libm", 1 }, { "buffers", 1 } };

    [Theory]
    [MemberData(nameof(Runs))]
    public void UnderQemuTheyPrintWhatLinuxPrints(string name, string machine, int cpus) => Compare(name, machine, cpus);

    [KvmTheory]
    [MemberData(nameof(HvmRuns))]
    public void InTheHvmTheyPrintWhatLinuxPrints(string name, int cpus) => Compare(name, "--hvm", cpus);

    private static void Compare(string name, string machine, int cpus)
    {
        var program = WorldPrograms.C(name);
        var linux = WorldPrograms.RunOnLinux(program, "word");
        var hrt = WorldPrograms.RunAsHrt(program, machine, cpus, "word");
        Assert.Equal(linux.ExitCode, hrt.ExitCode);
        Assert.Equal(linux.Lines, hrt.Lines);
    }

    [Fact]
    public void ACrashIsReportedWithTheSignalAndWhere()
    {
        var hrt = WorldPrograms.RunAsHrt(WorldPrograms.C("crash"), "--qemu", 1);
        Assert.Equal(126, hrt.ExitCode);
        Assert.Equal("about to crash", hrt.Lines[0]);
        Assert.Contains(hrt.Lines, l => l.StartsWith("nacre: the program was killed by SIGSEGV at rip", StringComparison.Ordinal)
                                        && l.Contains("(crash+0x", StringComparison.Ordinal) && l.Contains("address 0x0000000000000008", StringComparison.Ordinal));
    }

    [Fact]
    public void AnImportNobodyProvidesIsALoadErrorNamingIt()
    {
        var hrt = WorldPrograms.RunAsHrt(WorldPrograms.C("missing"), "--qemu", 1);
        Assert.Equal(126, hrt.ExitCode);
        Assert.Contains("nacre: cannot run the program: missing imports getifaddrs, which neither a loaded library nor the personality provides (docs/dotnet.md lists what is there)", hrt.Lines);
    }
}
