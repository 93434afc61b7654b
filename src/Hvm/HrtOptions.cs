namespace Nacre.Hvm;

/// <summary>Where the HRT's kernel code runs.</summary>
public enum PrivilegeMode
{
    /// <summary><see cref="Deprivileged"/> when the host's KVM is kvm-pvm (/sys/module/kvm_pvm exists),
    /// else <see cref="Ring0"/>.</summary>
    Auto,

    /// <summary>The kernel runs at CPL 0, as under QEMU. Needs a KVM that runs guest ring 0 natively.</summary>
    Ring0,

    /// <summary>All C# runs at CPL 3; CPL 0 holds only SSE-free assembly (docs/hvm.md).</summary>
    Deprivileged,
}

/// <summary>What an HRT core does while it has no work.</summary>
public enum IdleMode
{
    /// <summary>It polls its mailbox: lowest invoke latency, one busy host core per vCPU.</summary>
    Poll,

    /// <summary>It halts; the VMM wakes it with an MSI (vector 0xF3) after posting a call.</summary>
    Halt,
}

/// <summary>How to boot an HRT. The defaults boot one vCPU with 256 MiB of RAM and a 64 MiB arena.</summary>
public sealed class HrtOptions
{
    public const long MiB = 1024 * 1024;
    public const long GiB = 1024 * MiB;

    /// <summary>Largest guest RAM: it must stay below the MMIO hole at 3.98 GiB.</summary>
    public const long MaxMemoryBytes = 3 * GiB;

    /// <summary>Largest arena: the VMM's page tables (16 pages at 0x10000) map at most this much
    /// with 2 MiB pages besides the low 4 GiB.</summary>
    public const long MaxArenaBytes = 7 * GiB;

    public int Cpus { get; set; } = 1;
    public long MemoryBytes { get; set; } = 256 * MiB;
    public long ArenaBytes { get; set; } = 64 * MiB;
    public PrivilegeMode Privilege { get; set; } = PrivilegeMode.Auto;
    public IdleMode Idle { get; set; } = IdleMode.Poll;

    /// <summary>Keep serving invokes after Main returns (Hrt.Boot); false: the guest exits with
    /// Main's value (Hrt.Start + WaitForExitAsync, as <c>nacre run</c> does).</summary>
    public bool Serve { get; set; } = true;

    /// <summary>The guest's command line (ASCII; Main's arguments).</summary>
    public string CommandLine { get; set; } = "";

    /// <summary>
    /// Files placed in guest memory for the kernel to find (docs/hvm.md, "Modules"), like a
    /// multiboot loader's modules: e.g. a NativeAOT program for the .NET world. Each is a path
    /// read at start-up and the name the guest sees.
    /// </summary>
    public IReadOnlyList<HrtModule> Modules { get; set; } = [];

    /// <summary>Called on a vCPU thread with each complete line the guest writes to its console.</summary>
    public Action<string>? ConsoleLine { get; set; }

    /// <summary>A host service the HRT calls through the upcall page and hypercall 0x28 (docs/hvm.md);
    /// null: a doorbell store stops the VM with an error.</summary>
    public IHrtUpcalls? Upcalls { get; set; }

    /// <summary>Pin vCPU i's thread to the i-th CPU this process may run on.</summary>
    public bool PinVcpus { get; set; }

    public TimeSpan BootTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when <see cref="PrivilegeMode.Auto"/> would pick deprivileged mode here.</summary>
    public static bool HostIsKvmPvm => Directory.Exists("/sys/module/kvm_pvm");

    /// <summary>The mode <see cref="Privilege"/> resolves to on this host.</summary>
    public PrivilegeMode EffectivePrivilege => Privilege switch
    {
        PrivilegeMode.Auto => HostIsKvmPvm ? PrivilegeMode.Deprivileged : PrivilegeMode.Ring0,
        var mode => mode,
    };

    internal void Validate()
    {
        if (Cpus < 1 || Cpus > GuestPhysical.MaxCpus)
            throw new ArgumentOutOfRangeException(nameof(Cpus), Cpus, $"an HRT has 1 to {GuestPhysical.MaxCpus} vCPUs");
        if (MemoryBytes <= 0 || MemoryBytes > MaxMemoryBytes || MemoryBytes % (2 * MiB) != 0)
            throw new ArgumentOutOfRangeException(nameof(MemoryBytes), MemoryBytes, $"guest RAM must be a positive multiple of 2 MiB, at most 3 GiB");
        if (ArenaBytes < 0 || ArenaBytes > MaxArenaBytes || ArenaBytes % (2 * MiB) != 0)
            throw new ArgumentOutOfRangeException(nameof(ArenaBytes), ArenaBytes, $"the arena must be a multiple of 2 MiB, at most 7 GiB");
        if (!Enum.IsDefined(Privilege))
            throw new ArgumentOutOfRangeException(nameof(Privilege), Privilege, "unknown privilege mode");
        if (!Enum.IsDefined(Idle))
            throw new ArgumentOutOfRangeException(nameof(Idle), Idle, "unknown idle mode");
        ArgumentNullException.ThrowIfNull(CommandLine);
        foreach (var c in CommandLine)
            if (c < 0x20 || c > 0x7E)
                throw new ArgumentException($"the command line must be printable ASCII; it has U+{(int)c:X4}", nameof(CommandLine));
        if (CommandLine.Length > GuestPhysical.MaxCommandLineLength)
            throw new ArgumentException($"the command line is {CommandLine.Length} characters; at most {GuestPhysical.MaxCommandLineLength} fit in the boot info page", nameof(CommandLine));
        ArgumentNullException.ThrowIfNull(Modules);
        if (Modules.Count > GuestPhysical.MaxModules)
            throw new ArgumentException($"at most {GuestPhysical.MaxModules} modules fit in the module table; got {Modules.Count}", nameof(Modules));
        foreach (var module in Modules)
        {
            if (module.Name.Length > GuestPhysical.MaxModuleNameLength || module.Name.Any(c => c < 0x20 || c > 0x7E))
                throw new ArgumentException($"module name '{module.Name}' must be printable ASCII of at most {GuestPhysical.MaxModuleNameLength} characters", nameof(Modules));
        }
        if (BootTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(BootTimeout), BootTimeout, "must be positive");
        if (InvokeTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(InvokeTimeout), InvokeTimeout, "must be positive");
    }
}
