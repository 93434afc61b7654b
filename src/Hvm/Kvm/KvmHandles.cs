using System.Runtime.InteropServices;

namespace Nacre.Hvm.Kvm;

/// <summary>Checked ioctls: a failure becomes an <see cref="HrtException"/> naming the call.</summary>
internal static unsafe class Ioctls
{
    public static int Call(int fd, uint request, void* argument, string what)
    {
        var result = Libc.Ioctl(fd, request, argument);
        return result >= 0 ? result : throw Failed(what);
    }

    public static int Call(int fd, uint request, nuint argument, string what)
    {
        var result = Libc.Ioctl(fd, request, argument);
        return result >= 0 ? result : throw Failed(what);
    }

    public static HrtException Failed(string what) =>
        new($"{what} failed: {Libc.Errno(Marshal.GetLastPInvokeError())}");

    public static void CloseFd(ref int fd)
    {
        if (fd >= 0)
            Libc.Close(fd);
        fd = -1;
    }
}

/// <summary>An open /dev/kvm.</summary>
internal sealed unsafe class KvmDevice : IDisposable
{
    public const string Path = "/dev/kvm";
    private int _fd;

    private KvmDevice(int fd) => _fd = fd;

    /// <summary>Opens /dev/kvm and checks its API version, or explains why it cannot.</summary>
    public static KvmDevice? TryOpen(out string reason)
    {
        if (!OperatingSystem.IsLinux())
        {
            reason = "KVM needs Linux";
            return null;
        }
        var fd = Libc.Open(Path, Libc.O_RDWR | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            reason = errno switch
            {
                Libc.ENOENT => $"{Path} does not exist (no hardware virtualisation, or the kvm modules are not loaded)",
                Libc.EACCES or Libc.EPERM => $"no permission to open {Path} (add the user to the kvm group)",
                _ => $"cannot open {Path}: {Libc.Errno(errno)}",
            };
            return null;
        }
        var device = new KvmDevice(fd);
        var version = Libc.Ioctl(fd, KvmIoctl.GetApiVersion, 0);
        if (version != KvmIoctl.ApiVersion)
        {
            device.Dispose();
            reason = $"{Path} speaks KVM API version {version}; Nacre's HVM needs version {KvmIoctl.ApiVersion}";
            return null;
        }
        reason = "";
        return device;
    }

    public static KvmDevice Open() => TryOpen(out var reason) ?? throw new KvmUnavailableException(reason);

    public int CheckExtension(uint capability) => Libc.Ioctl(_fd, KvmIoctl.CheckExtension, capability);

    public int VcpuMmapSize => Ioctls.Call(_fd, KvmIoctl.GetVcpuMmapSize, 0, "KVM_GET_VCPU_MMAP_SIZE");

    /// <summary>KVM_GET_SUPPORTED_CPUID: every CPUID leaf KVM can present to a guest.</summary>
    public KvmCpuidEntry2[] SupportedCpuid()
    {
        for (var capacity = 128; ; capacity *= 2)
        {
            var bytes = sizeof(KvmCpuid2) + capacity * sizeof(KvmCpuidEntry2);
            var buffer = (byte*)NativeMemory.AllocZeroed((nuint)bytes);
            try
            {
                var header = (KvmCpuid2*)buffer;
                header->Nent = (uint)capacity;
                if (Libc.Ioctl(_fd, KvmIoctl.GetSupportedCpuid, buffer) < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Libc.E2BIG && capacity < 65536)
                        continue;
                    throw Ioctls.Failed("KVM_GET_SUPPORTED_CPUID");
                }
                return new ReadOnlySpan<KvmCpuidEntry2>(buffer + sizeof(KvmCpuid2), (int)header->Nent).ToArray();
            }
            finally
            {
                NativeMemory.Free(buffer);
            }
        }
    }

    public KvmVm CreateVm()
    {
        var fd = Ioctls.Call(_fd, KvmIoctl.CreateVm, 0, "KVM_CREATE_VM");
        return new KvmVm(fd);
    }

    public void Dispose() => Ioctls.CloseFd(ref _fd);
}

/// <summary>A VM file descriptor.</summary>
internal sealed unsafe class KvmVm(int fd) : IDisposable
{
    private int _fd = fd;

    public void SetTssAddress(ulong address) => Ioctls.Call(_fd, KvmIoctl.SetTssAddr, (nuint)address, "KVM_SET_TSS_ADDR");

    public void SetMemoryRegion(uint slot, ulong guestPhysical, ulong bytes, void* host)
    {
        var region = new KvmUserspaceMemoryRegion
        {
            Slot = slot, GuestPhysAddr = guestPhysical, MemorySize = bytes, UserspaceAddr = (ulong)host,
        };
        Ioctls.Call(_fd, KvmIoctl.SetUserMemoryRegion, &region,
            $"KVM_SET_USER_MEMORY_REGION (slot {slot}: 0x{bytes:X} bytes at guest-physical 0x{guestPhysical:X})");
    }

    public void CreateIrqchip() => Ioctls.Call(_fd, KvmIoctl.CreateIrqchip, 0, "KVM_CREATE_IRQCHIP");

    /// <summary>KVM_SIGNAL_MSI; returns the ioctl's result (&gt; 0 delivered, 0 blocked, &lt; 0 error)
    /// without throwing, because it is used on the invoke path.</summary>
    public int SignalMsi(ulong address, uint data)
    {
        var msi = new KvmMsi { AddressLo = (uint)address, AddressHi = (uint)(address >> 32), Data = data };
        return Libc.Ioctl(_fd, KvmIoctl.SignalMsi, &msi);
    }

    public KvmVcpu CreateVcpu(int index, int mmapSize)
    {
        var fd = Ioctls.Call(_fd, KvmIoctl.CreateVcpu, (nuint)index, $"KVM_CREATE_VCPU {index}");
        var run = Libc.Mmap(null, (nuint)mmapSize, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
        if (run == Libc.MapFailed)
        {
            var error = Ioctls.Failed($"mmap of vCPU {index}'s kvm_run");
            Libc.Close(fd);
            throw error;
        }
        return new KvmVcpu(index, fd, (KvmRun*)run, mmapSize);
    }

    public void Dispose() => Ioctls.CloseFd(ref _fd);
}

/// <summary>A vCPU file descriptor and its mmap'd kvm_run.</summary>
internal sealed unsafe class KvmVcpu(int index, int fd, KvmRun* run, int mmapSize) : IDisposable
{
    private int _fd = fd;
    public int Index { get; } = index;
    public KvmRun* Run { get; private set; } = run;

    /// <summary>KVM_RUN once; returns 0 or the errno (EINTR when a signal or immediate_exit stopped it).</summary>
    public int RunOnce() => Libc.Ioctl(_fd, KvmIoctl.Run, 0) < 0 ? Marshal.GetLastPInvokeError() : 0;

    public KvmRegs GetRegs() => Get<KvmRegs>(KvmIoctl.GetRegs, "KVM_GET_REGS");

    public void SetRegs(in KvmRegs regs) => Set(KvmIoctl.SetRegs, regs, "KVM_SET_REGS");

    public KvmSregs GetSregs() => Get<KvmSregs>(KvmIoctl.GetSregs, "KVM_GET_SREGS");

    public void SetSregs(in KvmSregs sregs) => Set(KvmIoctl.SetSregs, sregs, "KVM_SET_SREGS");

    private T Get<T>(uint request, string name) where T : unmanaged
    {
        T value;
        Ioctls.Call(_fd, request, &value, $"{name} on vCPU {Index}");
        return value;
    }

    private void Set<T>(uint request, in T value, string name) where T : unmanaged
    {
        fixed (T* p = &value)
            Ioctls.Call(_fd, request, p, $"{name} on vCPU {Index}");
    }

    public void SetCpuid(ReadOnlySpan<KvmCpuidEntry2> entries)
    {
        var bytes = sizeof(KvmCpuid2) + entries.Length * sizeof(KvmCpuidEntry2);
        var buffer = (byte*)NativeMemory.AllocZeroed((nuint)bytes);
        try
        {
            ((KvmCpuid2*)buffer)->Nent = (uint)entries.Length;
            entries.CopyTo(new Span<KvmCpuidEntry2>(buffer + sizeof(KvmCpuid2), entries.Length));
            Ioctls.Call(_fd, KvmIoctl.SetCpuid2, buffer, $"KVM_SET_CPUID2 on vCPU {Index}");
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }

    public void SetMpState(uint state) => Set(KvmIoctl.SetMpState, new KvmMpState { MpState = state }, "KVM_SET_MP_STATE");

    /// <summary>The signal mask KVM_RUN runs the guest with (only the first 64 signals matter).</summary>
    public void SetSignalMask(ulong sigset) => Set(KvmIoctl.SetSignalMask, new KvmSignalMask { Len = 8, Sigset = sigset }, "KVM_SET_SIGNAL_MASK");

    /// <summary>KVM_GET_MSRS of one MSR; false (no exception) when KVM does not return it.</summary>
    public bool TryGetMsr(uint index, out ulong value)
    {
        var msrs = new KvmMsrs1 { Nmsrs = 1, Entry = new KvmMsrEntry { Index = index } };
        var read = Libc.Ioctl(_fd, KvmIoctl.GetMsrs, &msrs);
        value = msrs.Entry.Data;
        return read == 1;
    }

    /// <summary>
    /// True when the in-kernel local APIC holds an interrupt the guest has not finished: a bit in
    /// IRR (requested, not yet delivered) or ISR (delivered, no EOI yet). KVM_GET_LAPIC, 1 KiB.
    /// </summary>
    public bool HasInterruptInFlight()
    {
        var state = stackalloc uint[256];
        Ioctls.Call(_fd, KvmIoctl.GetLapic, state, $"KVM_GET_LAPIC on vCPU {Index}");
        uint any = 0;
        for (var i = 0; i < 8; i++)
            any |= state[(0x100 + 16 * i) / 4] | state[(0x200 + 16 * i) / 4]; // ISR, IRR: 8 × 32 bits, 16 bytes apart
        return any != 0;
    }

    public long TscKhz => Ioctls.Call(_fd, KvmIoctl.GetTscKhz, 0, $"KVM_GET_TSC_KHZ on vCPU {Index}");

    public void Dispose()
    {
        if (Run != null)
        {
            Libc.Munmap(Run, (nuint)mmapSize);
            Run = null;
        }
        Ioctls.CloseFd(ref _fd);
    }
}
