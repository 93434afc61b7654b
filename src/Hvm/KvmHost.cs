using Nacre.Hvm.Kvm;

namespace Nacre.Hvm;

/// <summary>
/// What this process asks /dev/kvm once rather than on every boot: the open device (a VM keeps
/// working without it, so it is never closed: one fd for the life of the process), the CPUID
/// KVM supports, and the size of a vCPU's kvm_run mapping. A failure to open is not remembered:
/// the next boot tries again and reports why.
/// </summary>
internal sealed class KvmHost
{
    private static readonly Lock s_lock = new();
    private static KvmHost? s_shared;

    private KvmHost(KvmDevice device)
    {
        Device = device;
        SupportedCpuid = device.SupportedCpuid();
        VcpuMmapSize = device.VcpuMmapSize;
        FsGsBase = SupportedCpuid.Any(e => e.Function == 7 && e.Index == 0 && (e.Ebx & 1) != 0);
    }

    public KvmDevice Device { get; }
    public KvmCpuidEntry2[] SupportedCpuid { get; }
    public int VcpuMmapSize { get; }

    /// <summary>CPUID.7.0:EBX bit 0: the vCPUs may get CR4.FSGSBASE.</summary>
    public bool FsGsBase { get; }

    public static KvmHost Shared
    {
        get
        {
            lock (s_lock)
            {
                if (s_shared is not null)
                    return s_shared;
                var device = KvmDevice.Open();
                try
                {
                    return s_shared = new KvmHost(device);
                }
                catch
                {
                    device.Dispose();
                    throw;
                }
            }
        }
    }
}
