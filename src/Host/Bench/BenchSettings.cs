using Nacre.Host.Machines;

namespace Nacre.Host.Bench;

/// <summary>What `nacre bench` was asked to do.</summary>
public sealed class BenchSettings
{
    public MachineKind Machine { get; init; } = MachineKind.Qemu;
    public Nacre.Hvm.PrivilegeMode Privilege { get; init; } = Nacre.Hvm.PrivilegeMode.Auto;
    public string Accelerator { get; init; } = QemuOptions.DefaultAccelerator;
    public int Cpus { get; init; } = 2;
    public int Samples { get; init; } = 1000;
    public int Warmup { get; init; } = 100;
    public string? Only { get; init; }
    public bool Linux { get; init; } = true;
    public bool Deprivileged { get; init; }
    public int MemoryMiB { get; init; } = 256;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(240);
    public bool EchoConsole { get; init; }
}
