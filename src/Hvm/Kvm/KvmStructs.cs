using System.Runtime.InteropServices;

namespace Nacre.Hvm.Kvm;

// The KVM UAPI structures this VMM uses, transcribed from <linux/kvm.h> and <asm/kvm.h>
// (x86-64). Sizes and field offsets are checked against the C headers by a unit test
// (tests/Host/Hvm/KvmLayoutTests.cs), which compiles a C program that prints them.

[StructLayout(LayoutKind.Sequential)]
internal struct KvmRegs
{
    public ulong Rax, Rbx, Rcx, Rdx, Rsi, Rdi, Rsp, Rbp;
    public ulong R8, R9, R10, R11, R12, R13, R14, R15;
    public ulong Rip, Rflags;
}

[StructLayout(LayoutKind.Sequential)]
internal struct KvmSegment
{
    public ulong Base;
    public uint Limit;
    public ushort Selector;
    public byte Type;
    public byte Present, Dpl, Db, S, L, G, Avl;
    public byte Unusable;
    public byte Padding;
}

[StructLayout(LayoutKind.Sequential)]
internal struct KvmDtable
{
    public ulong Base;
    public ushort Limit;
    public ushort Padding0, Padding1, Padding2;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmSregs
{
    public KvmSegment Cs, Ds, Es, Fs, Gs, Ss;
    public KvmSegment Tr, Ldt;
    public KvmDtable Gdt, Idt;
    public ulong Cr0, Cr2, Cr3, Cr4, Cr8;
    public ulong Efer;
    public ulong ApicBase;
    public fixed ulong InterruptBitmap[4]; // (KVM_NR_INTERRUPTS + 63) / 64
}

/// <summary>The fixed head of <c>struct kvm_run</c> (the mmap'd page shared with KVM) and the exit
/// union members this VMM reads. Only offsets matter: it is used through a pointer.</summary>
[StructLayout(LayoutKind.Explicit)]
internal unsafe struct KvmRun
{
    [FieldOffset(0)] public byte RequestInterruptWindow;
    [FieldOffset(1)] public byte ImmediateExit;
    [FieldOffset(8)] public uint ExitReason;
    [FieldOffset(12)] public byte ReadyForInterruptInjection;
    [FieldOffset(13)] public byte IfFlag;
    [FieldOffset(14)] public ushort Flags;
    [FieldOffset(16)] public ulong Cr8;
    [FieldOffset(24)] public ulong ApicBase;

    // The exit union starts at offset 32.
    [FieldOffset(32)] public KvmRunIo Io;
    [FieldOffset(32)] public KvmRunMmio Mmio;
    [FieldOffset(32)] public KvmRunFailEntry FailEntry;
    [FieldOffset(32)] public KvmRunInternal Internal;
    [FieldOffset(32)] public KvmRunSystemEvent SystemEvent;

    public const int UnionOffset = 32;
}

[StructLayout(LayoutKind.Sequential)]
internal struct KvmRunIo
{
    public const byte DirectionIn = 0, DirectionOut = 1;
    public byte Direction;
    public byte Size;
    public ushort Port;
    public uint Count;
    public ulong DataOffset; // relative to the start of kvm_run
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmRunMmio
{
    public ulong PhysAddr;
    public fixed byte Data[8];
    public uint Len;
    public byte IsWrite;
}

[StructLayout(LayoutKind.Sequential)]
internal struct KvmRunFailEntry
{
    public ulong HardwareEntryFailureReason;
    public uint Cpu;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmRunInternal
{
    public uint Suberror;
    public uint Ndata;
    public fixed ulong Data[16];
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmRunSystemEvent
{
    public uint Type;
    public uint Ndata;
    public fixed ulong Data[16];
}

[StructLayout(LayoutKind.Sequential)]
internal struct KvmUserspaceMemoryRegion
{
    public uint Slot;
    public uint Flags;
    public ulong GuestPhysAddr;
    public ulong MemorySize;
    public ulong UserspaceAddr;
}

/// <summary><c>struct kvm_cpuid2</c>'s header; <see cref="KvmCpuidEntry2"/> entries follow it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KvmCpuid2
{
    public uint Nent;
    public uint Padding;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmCpuidEntry2
{
    public uint Function;
    public uint Index;
    public uint Flags;
    public uint Eax, Ebx, Ecx, Edx;
    public fixed uint Padding[3];
}

[StructLayout(LayoutKind.Sequential)]
internal struct KvmMpState
{
    public uint MpState;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KvmMsi
{
    public uint AddressLo;
    public uint AddressHi;
    public uint Data;
    public uint Flags;
    public uint Devid;
    public fixed byte Pad[12];
}

/// <summary><c>struct kvm_signal_mask</c> with the kernel's 8-byte sigset inline.</summary>
[StructLayout(LayoutKind.Explicit, Size = 12)]
internal struct KvmSignalMask
{
    [FieldOffset(0)] public uint Len;
    [FieldOffset(4)] public ulong Sigset; // the header's flexible array __u8 sigset[] starts at 4
}

/// <summary><c>struct kvm_msr_entry</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KvmMsrEntry
{
    public uint Index;
    public uint Reserved;
    public ulong Data;
}

/// <summary><c>struct kvm_msrs</c> with room for one entry (KVM_GET_MSRS of a single MSR).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct KvmMsrs1
{
    public uint Nmsrs;
    public uint Pad;
    public KvmMsrEntry Entry;
}
