namespace Nacre.Hvm.Kvm;

/// <summary>ioctl request numbers from &lt;linux/kvm.h&gt; (checked against the header by a unit test).</summary>
internal static class KvmIoctl
{
    // On /dev/kvm
    public const uint GetApiVersion = 0xAE00;
    public const uint CreateVm = 0xAE01;
    public const uint CheckExtension = 0xAE03;
    public const uint GetVcpuMmapSize = 0xAE04;
    public const uint GetSupportedCpuid = 0xC008AE05;

    // On a VM
    public const uint CreateVcpu = 0xAE41;
    public const uint SetUserMemoryRegion = 0x4020AE46;
    public const uint SetTssAddr = 0xAE47;
    public const uint CreateIrqchip = 0xAE60;
    public const uint SignalMsi = 0x4020AEA5;

    // On a vCPU
    public const uint Run = 0xAE80;
    public const uint GetRegs = 0x8090AE81;
    public const uint SetRegs = 0x4090AE82;
    public const uint GetSregs = 0x8138AE83;
    public const uint SetSregs = 0x4138AE84;
    public const uint SetSignalMask = 0x4004AE8B;
    public const uint SetCpuid2 = 0x4008AE90;
    public const uint GetMpState = 0x8004AE98;
    public const uint SetMpState = 0x4004AE99;
    public const uint GetTscKhz = 0xAEA3;
    public const uint GetMsrs = 0xC008AE88;
    public const uint GetLapic = 0x8400AE8E;

    /// <summary>MSR_IA32_TSC: the vCPU's time-stamp counter.</summary>
    public const uint MsrTsc = 0x10;

    public const int ApiVersion = 12;
}

internal static class KvmCap
{
    public const uint Irqchip = 0x00;
    public const uint UserMemory = 0x03;
    public const uint NrVcpus = 0x09;
    public const uint GetTscKhz = 0x3D;
    public const uint MaxVcpus = 0x42;
    public const uint SignalMsi = 0x4D;
    public const uint ImmediateExit = 0x88;
}

internal static class KvmExit
{
    public const uint Unknown = 0, Exception = 1, Io = 2, Hypercall = 3, Debug = 4, Hlt = 5, Mmio = 6,
        IrqWindowOpen = 7, Shutdown = 8, FailEntry = 9, Intr = 10, SetTpr = 11, TprAccess = 12,
        Nmi = 16, InternalError = 17, SystemEvent = 24;

    public const uint InternalErrorEmulation = 1;

    public static string Name(uint reason) => reason switch
    {
        Unknown => "KVM_EXIT_UNKNOWN",
        Exception => "KVM_EXIT_EXCEPTION",
        Io => "KVM_EXIT_IO",
        Hypercall => "KVM_EXIT_HYPERCALL",
        Debug => "KVM_EXIT_DEBUG",
        Hlt => "KVM_EXIT_HLT",
        Mmio => "KVM_EXIT_MMIO",
        IrqWindowOpen => "KVM_EXIT_IRQ_WINDOW_OPEN",
        Shutdown => "KVM_EXIT_SHUTDOWN",
        FailEntry => "KVM_EXIT_FAIL_ENTRY",
        Intr => "KVM_EXIT_INTR",
        SetTpr => "KVM_EXIT_SET_TPR",
        TprAccess => "KVM_EXIT_TPR_ACCESS",
        Nmi => "KVM_EXIT_NMI",
        InternalError => "KVM_EXIT_INTERNAL_ERROR",
        SystemEvent => "KVM_EXIT_SYSTEM_EVENT",
        _ => $"exit reason {reason}",
    };

    public static string SystemEventName(uint type) => type switch
    {
        1 => "shutdown",
        2 => "reset",
        3 => "crash",
        4 => "wakeup",
        5 => "suspend",
        6 => "SEV termination",
        _ => $"type {type}",
    };
}

internal static class KvmMp
{
    public const uint Runnable = 0;
}
