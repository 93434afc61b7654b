using System.Text;
using Nacre.Hvm.Kvm;

namespace Nacre.Hvm;

/// <summary>A snapshot of one vCPU's registers, taken when it failed or was stopped.</summary>
public sealed record HrtRegisters
{
    public required int Cpu { get; init; }
    public ulong Rip { get; init; }
    public ulong Rsp { get; init; }
    public ulong Rflags { get; init; }
    public ulong Rax { get; init; }
    public ulong Rbx { get; init; }
    public ulong Rcx { get; init; }
    public ulong Rdx { get; init; }
    public ulong Rsi { get; init; }
    public ulong Rdi { get; init; }
    public ulong Rbp { get; init; }
    public ulong R8 { get; init; }
    public ulong R9 { get; init; }
    public ulong R10 { get; init; }
    public ulong R11 { get; init; }
    public ulong R12 { get; init; }
    public ulong R13 { get; init; }
    public ulong R14 { get; init; }
    public ulong R15 { get; init; }
    public ulong Cr0 { get; init; }
    public ulong Cr2 { get; init; }
    public ulong Cr3 { get; init; }
    public ulong Cr4 { get; init; }
    public ulong Efer { get; init; }
    public ushort Cs { get; init; }
    public ushort Ss { get; init; }

    /// <summary>The privilege level the vCPU was running at (CS's low two bits).</summary>
    public int Cpl => Cs & 3;

    internal static HrtRegisters From(int cpu, in KvmRegs r, in KvmSregs s) => new()
    {
        Cpu = cpu,
        Rip = r.Rip, Rsp = r.Rsp, Rflags = r.Rflags,
        Rax = r.Rax, Rbx = r.Rbx, Rcx = r.Rcx, Rdx = r.Rdx, Rsi = r.Rsi, Rdi = r.Rdi, Rbp = r.Rbp,
        R8 = r.R8, R9 = r.R9, R10 = r.R10, R11 = r.R11, R12 = r.R12, R13 = r.R13, R14 = r.R14, R15 = r.R15,
        Cr0 = s.Cr0, Cr2 = s.Cr2, Cr3 = s.Cr3, Cr4 = s.Cr4, Efer = s.Efer,
        Cs = s.Cs.Selector, Ss = s.Ss.Selector,
    };

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"vCPU {Cpu} at CPL {Cpl}: RIP={Rip:X16} RSP={Rsp:X16} RFLAGS={Rflags:X16}\n");
        text.Append($"  RAX={Rax:X16} RBX={Rbx:X16} RCX={Rcx:X16} RDX={Rdx:X16}\n");
        text.Append($"  RSI={Rsi:X16} RDI={Rdi:X16} RBP={Rbp:X16} R8 ={R8:X16}\n");
        text.Append($"  R9 ={R9:X16} R10={R10:X16} R11={R11:X16} R12={R12:X16}\n");
        text.Append($"  R13={R13:X16} R14={R14:X16} R15={R15:X16}\n");
        text.Append($"  CR0={Cr0:X16} CR2={Cr2:X16} CR3={Cr3:X16} CR4={Cr4:X16}\n");
        text.Append($"  EFER={Efer:X16} CS={Cs:X4} SS={Ss:X4}");
        return text.ToString();
    }
}
