using Nacre.Host.Tests.Support;
using Nacre.Hvm.Kvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// The VMM's hand-written KVM structures and ioctl numbers against the C headers of this machine
/// (&lt;linux/kvm.h&gt;): a C program compiled here prints sizeof/offsetof and the constants.
/// </summary>
public sealed unsafe class KvmLayoutTests
{
    private static readonly Lazy<Dictionary<string, ulong>> FromC = new(CompileAndRun);

    public static TheoryData<string> Names() => [.. CSharpValues().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesTheLinuxHeaders(string name)
    {
        var c = FromC.Value;
        Assert.True(c.ContainsKey(name), $"the C program printed no {name}");
        Assert.Equal($"{name} = {c[name]}", $"{name} = {CSharpValues()[name]}");
    }

    private static ulong Offset<T>(T* basePointer, void* field) where T : unmanaged => (ulong)((byte*)field - (byte*)basePointer);

    private static Dictionary<string, ulong> CSharpValues()
    {
        var regs = default(KvmRegs);
        var segment = default(KvmSegment);
        var sregs = default(KvmSregs);
        var run = default(KvmRun);
        var region = default(KvmUserspaceMemoryRegion);
        var entry = default(KvmCpuidEntry2);
        var msi = default(KvmMsi);
        var mask = default(KvmSignalMask);
        var msrs = default(KvmMsrs1);
        return new()
        {
            ["sizeof(kvm_regs)"] = (ulong)sizeof(KvmRegs),
            ["offsetof(kvm_regs, r15)"] = Offset(&regs, &regs.R15),
            ["offsetof(kvm_regs, rip)"] = Offset(&regs, &regs.Rip),
            ["offsetof(kvm_regs, rflags)"] = Offset(&regs, &regs.Rflags),
            ["sizeof(kvm_segment)"] = (ulong)sizeof(KvmSegment),
            ["offsetof(kvm_segment, selector)"] = Offset(&segment, &segment.Selector),
            ["offsetof(kvm_segment, type)"] = Offset(&segment, &segment.Type),
            ["offsetof(kvm_segment, g)"] = Offset(&segment, &segment.G),
            ["offsetof(kvm_segment, unusable)"] = Offset(&segment, &segment.Unusable),
            ["sizeof(kvm_dtable)"] = (ulong)sizeof(KvmDtable),
            ["sizeof(kvm_sregs)"] = (ulong)sizeof(KvmSregs),
            ["offsetof(kvm_sregs, ss)"] = Offset(&sregs, &sregs.Ss),
            ["offsetof(kvm_sregs, tr)"] = Offset(&sregs, &sregs.Tr),
            ["offsetof(kvm_sregs, ldt)"] = Offset(&sregs, &sregs.Ldt),
            ["offsetof(kvm_sregs, gdt)"] = Offset(&sregs, &sregs.Gdt),
            ["offsetof(kvm_sregs, idt)"] = Offset(&sregs, &sregs.Idt),
            ["offsetof(kvm_sregs, cr0)"] = Offset(&sregs, &sregs.Cr0),
            ["offsetof(kvm_sregs, cr3)"] = Offset(&sregs, &sregs.Cr3),
            ["offsetof(kvm_sregs, efer)"] = Offset(&sregs, &sregs.Efer),
            ["offsetof(kvm_sregs, apic_base)"] = Offset(&sregs, &sregs.ApicBase),
            ["offsetof(kvm_sregs, interrupt_bitmap)"] = Offset(&sregs, sregs.InterruptBitmap),
            ["offsetof(kvm_run, immediate_exit)"] = Offset(&run, &run.ImmediateExit),
            ["offsetof(kvm_run, exit_reason)"] = Offset(&run, &run.ExitReason),
            ["offsetof(kvm_run, if_flag)"] = Offset(&run, &run.IfFlag),
            ["offsetof(kvm_run, cr8)"] = Offset(&run, &run.Cr8),
            ["offsetof(kvm_run, apic_base)"] = Offset(&run, &run.ApicBase),
            ["offsetof(kvm_run, io.direction)"] = Offset(&run, &run.Io.Direction),
            ["offsetof(kvm_run, io.size)"] = Offset(&run, &run.Io.Size),
            ["offsetof(kvm_run, io.port)"] = Offset(&run, &run.Io.Port),
            ["offsetof(kvm_run, io.count)"] = Offset(&run, &run.Io.Count),
            ["offsetof(kvm_run, io.data_offset)"] = Offset(&run, &run.Io.DataOffset),
            ["offsetof(kvm_run, mmio.phys_addr)"] = Offset(&run, &run.Mmio.PhysAddr),
            ["offsetof(kvm_run, mmio.data)"] = Offset(&run, run.Mmio.Data),
            ["offsetof(kvm_run, mmio.len)"] = Offset(&run, &run.Mmio.Len),
            ["offsetof(kvm_run, mmio.is_write)"] = Offset(&run, &run.Mmio.IsWrite),
            ["offsetof(kvm_run, fail_entry.hardware_entry_failure_reason)"] = Offset(&run, &run.FailEntry.HardwareEntryFailureReason),
            ["offsetof(kvm_run, fail_entry.cpu)"] = Offset(&run, &run.FailEntry.Cpu),
            ["offsetof(kvm_run, internal.suberror)"] = Offset(&run, &run.Internal.Suberror),
            ["offsetof(kvm_run, internal.ndata)"] = Offset(&run, &run.Internal.Ndata),
            ["offsetof(kvm_run, internal.data)"] = Offset(&run, run.Internal.Data),
            ["offsetof(kvm_run, system_event.type)"] = Offset(&run, &run.SystemEvent.Type),
            ["offsetof(kvm_run, system_event.ndata)"] = Offset(&run, &run.SystemEvent.Ndata),
            ["offsetof(kvm_run, system_event.data)"] = Offset(&run, run.SystemEvent.Data),
            ["sizeof(kvm_userspace_memory_region)"] = (ulong)sizeof(KvmUserspaceMemoryRegion),
            ["offsetof(kvm_userspace_memory_region, guest_phys_addr)"] = Offset(&region, &region.GuestPhysAddr),
            ["offsetof(kvm_userspace_memory_region, memory_size)"] = Offset(&region, &region.MemorySize),
            ["offsetof(kvm_userspace_memory_region, userspace_addr)"] = Offset(&region, &region.UserspaceAddr),
            ["sizeof(kvm_cpuid2)"] = (ulong)sizeof(KvmCpuid2),
            ["sizeof(kvm_cpuid_entry2)"] = (ulong)sizeof(KvmCpuidEntry2),
            ["offsetof(kvm_cpuid_entry2, flags)"] = Offset(&entry, &entry.Flags),
            ["offsetof(kvm_cpuid_entry2, eax)"] = Offset(&entry, &entry.Eax),
            ["offsetof(kvm_cpuid_entry2, edx)"] = Offset(&entry, &entry.Edx),
            ["sizeof(kvm_mp_state)"] = (ulong)sizeof(KvmMpState),
            ["sizeof(kvm_msi)"] = (ulong)sizeof(KvmMsi),
            ["offsetof(kvm_msi, data)"] = Offset(&msi, &msi.Data),
            ["offsetof(kvm_msi, flags)"] = Offset(&msi, &msi.Flags),
            ["offsetof(kvm_msi, devid)"] = Offset(&msi, &msi.Devid),
            ["offsetof(kvm_signal_mask, sigset)"] = Offset(&mask, &mask.Sigset),
            ["sizeof(kvm_msrs)"] = (ulong)sizeof(KvmMsrs1) - (ulong)sizeof(KvmMsrEntry),
            ["offsetof(kvm_msrs, entries)"] = Offset(&msrs, &msrs.Entry),
            ["sizeof(kvm_msr_entry)"] = (ulong)sizeof(KvmMsrEntry),
            ["offsetof(kvm_msr_entry, data)"] = Offset(&msrs.Entry, &msrs.Entry.Data),
            ["KVM_GET_API_VERSION"] = KvmIoctl.GetApiVersion,
            ["KVM_CREATE_VM"] = KvmIoctl.CreateVm,
            ["KVM_CHECK_EXTENSION"] = KvmIoctl.CheckExtension,
            ["KVM_GET_VCPU_MMAP_SIZE"] = KvmIoctl.GetVcpuMmapSize,
            ["KVM_GET_SUPPORTED_CPUID"] = KvmIoctl.GetSupportedCpuid,
            ["KVM_CREATE_VCPU"] = KvmIoctl.CreateVcpu,
            ["KVM_SET_USER_MEMORY_REGION"] = KvmIoctl.SetUserMemoryRegion,
            ["KVM_SET_TSS_ADDR"] = KvmIoctl.SetTssAddr,
            ["KVM_CREATE_IRQCHIP"] = KvmIoctl.CreateIrqchip,
            ["KVM_SIGNAL_MSI"] = KvmIoctl.SignalMsi,
            ["KVM_RUN"] = KvmIoctl.Run,
            ["KVM_GET_REGS"] = KvmIoctl.GetRegs,
            ["KVM_SET_REGS"] = KvmIoctl.SetRegs,
            ["KVM_GET_SREGS"] = KvmIoctl.GetSregs,
            ["KVM_SET_SREGS"] = KvmIoctl.SetSregs,
            ["KVM_SET_SIGNAL_MASK"] = KvmIoctl.SetSignalMask,
            ["KVM_SET_CPUID2"] = KvmIoctl.SetCpuid2,
            ["KVM_GET_MP_STATE"] = KvmIoctl.GetMpState,
            ["KVM_SET_MP_STATE"] = KvmIoctl.SetMpState,
            ["KVM_GET_TSC_KHZ"] = KvmIoctl.GetTscKhz,
            ["KVM_GET_MSRS"] = KvmIoctl.GetMsrs,
            ["KVM_CAP_IRQCHIP"] = KvmCap.Irqchip,
            ["KVM_CAP_USER_MEMORY"] = KvmCap.UserMemory,
            ["KVM_CAP_NR_VCPUS"] = KvmCap.NrVcpus,
            ["KVM_CAP_GET_TSC_KHZ"] = KvmCap.GetTscKhz,
            ["KVM_CAP_MAX_VCPUS"] = KvmCap.MaxVcpus,
            ["KVM_CAP_SIGNAL_MSI"] = KvmCap.SignalMsi,
            ["KVM_CAP_IMMEDIATE_EXIT"] = KvmCap.ImmediateExit,
            ["KVM_EXIT_IO"] = KvmExit.Io,
            ["KVM_EXIT_HLT"] = KvmExit.Hlt,
            ["KVM_EXIT_MMIO"] = KvmExit.Mmio,
            ["KVM_EXIT_SHUTDOWN"] = KvmExit.Shutdown,
            ["KVM_EXIT_FAIL_ENTRY"] = KvmExit.FailEntry,
            ["KVM_EXIT_INTR"] = KvmExit.Intr,
            ["KVM_EXIT_INTERNAL_ERROR"] = KvmExit.InternalError,
            ["KVM_EXIT_SYSTEM_EVENT"] = KvmExit.SystemEvent,
            ["KVM_INTERNAL_ERROR_EMULATION"] = KvmExit.InternalErrorEmulation,
            ["KVM_MP_STATE_RUNNABLE"] = KvmMp.Runnable,
            ["KVM_EXIT_IO_OUT"] = KvmRunIo.DirectionOut,
        };
    }

    /// <summary>Prints every key of <see cref="CSharpValues"/> as "key = value", computed by the C compiler.</summary>
    private static Dictionary<string, ulong> CompileAndRun()
    {
        var lines = new List<string> { "#include <stdio.h>", "#include <stddef.h>", "#include <linux/kvm.h>", "int main(void) {" };
        foreach (var key in CSharpValues().Keys)
        {
            var expression = key;
            if (key.StartsWith("sizeof(", StringComparison.Ordinal))
                expression = $"sizeof(struct {key[7..^1]})";
            else if (key.StartsWith("offsetof(", StringComparison.Ordinal))
            {
                var parts = key[9..^1].Split(", ");
                expression = $"offsetof(struct {parts[0]}, {parts[1]})";
            }
            lines.Add($"  printf(\"%s = %llu\\n\", \"{key}\", (unsigned long long)({expression}));");
        }
        lines.Add("  return 0;\n}");

        var directory = Directory.CreateTempSubdirectory("nacre-kvm-layout-").FullName;
        File.WriteAllLines(Path.Combine(directory, "layout.c"), lines);
        GnuTool.Run(directory, "gcc", ["-o", "layout", "layout.c"]);
        var output = new List<string>();
        var result = Nacre.Host.Infrastructure.ChildProcess.Run(Path.Combine(directory, "layout"), [], output.Add, output.Add, TimeSpan.FromSeconds(30), directory);
        Assert.Equal(0, result.ExitCode);
        return output.Select(l => l.Split(" = ")).ToDictionary(p => p[0], p => ulong.Parse(p[1]));
    }
}
