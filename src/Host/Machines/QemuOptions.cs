namespace Nacre.Host.Machines;

/// <summary>The machines an image can boot on.</summary>
public enum MachineKind
{
    /// <summary>QEMU (TCG): works everywhere; ring 0 as on hardware.</summary>
    Qemu,

    /// <summary>Nacre's own VMM over /dev/kvm (src/Hvm): native speed.</summary>
    Hvm,
}

/// <summary>Everything needed to boot one image once, under QEMU or the HVM.</summary>
public sealed record QemuOptions(string Image)
{
    /// <summary>Which machine boots it.</summary>
    public MachineKind Machine { get; init; } = MachineKind.Qemu;

    /// <summary>For the HVM: ring 0, deprivileged, or chosen from the host's KVM.</summary>
    public Nacre.Hvm.PrivilegeMode Privilege { get; init; } = Nacre.Hvm.PrivilegeMode.Auto;

    public const int MinCpus = 1;
    public const int MaxCpus = 255;
    public const int MinMemoryMiB = 16;
    public const int MaxMemoryMiB = 65536;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(600);

    /// <summary>QEMU's default accelerator here: multi-threaded TCG (this host's kvm-pvm cannot run SSE at CPL 0).</summary>
    public const string DefaultAccelerator = "tcg,thread=multi";

    public int Cpus { get; init; } = 1;

    public int MemoryMiB { get; init; } = 256;

    /// <summary>The kernel's command line (multiboot <c>cmdline</c>), one word per entry.</summary>
    public IReadOnlyList<string> KernelArguments { get; init; } = [];

    /// <summary>
    /// Files the loader places in guest memory beside the kernel (multiboot modules under QEMU,
    /// the module table in the HVM), each with the name the kernel sees.
    /// </summary>
    public IReadOnlyList<Nacre.Hvm.HrtModule> Modules { get; init; } = [];

    /// <summary>Extra QEMU arguments, appended last so they can override ours.</summary>
    public IReadOnlyList<string> ExtraQemuArguments { get; init; } = [];

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>HVM only: the arena shared with the process, in MiB (0: none).</summary>
    public int ArenaMiB { get; init; }

    /// <summary>HVM only: the host service behind the upcall page (nacre run under mpirun: MPI).</summary>
    public Nacre.Hvm.IHrtUpcalls? Upcalls { get; init; }

    /// <summary>A file for the second serial port (COM2), where a traced kernel dumps its trace rings; null for none.</summary>
    public string? TraceDump { get; init; }

    /// <summary>A TCP port for QEMU's gdbstub, which then waits for the debugger before the first instruction; null for none.</summary>
    public int? GdbPort { get; init; }

    /// <summary>
    /// The serial console is a terminal session: QEMU reads nacre's stdin (keystrokes go to the
    /// guest, Ctrl-C included; Ctrl-A x quits QEMU), output is passed on as it comes rather than
    /// by lines, and a guest reset reboots instead of ending the run. For <c>nacre run --shell</c>.
    /// </summary>
    public bool Interactive { get; init; }

    /// <summary>The <c>-accel</c> value; "kvm" (on a host whose KVM runs guest ring 0 natively) also selects <c>-cpu host</c>.</summary>
    public string Accelerator { get; init; } = DefaultAccelerator;

    /// <summary>The QEMU binary; <c>NACRE_QEMU</c> overrides it (e.g. a locally built QEMU).</summary>
    public string QemuPath { get; init; } =
        Environment.GetEnvironmentVariable("NACRE_QEMU") is { Length: > 0 } path ? path : "qemu-system-x86_64";
}
