using System.Runtime.InteropServices;

namespace Nacre.Hvm;

/// <summary>One vCPU's invoke mailbox in guest RAM (GPA 0x6000 + 64·cpu; docs/hvm.md).</summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
internal struct Mailbox
{
    [FieldOffset(0x00)] public long Request;   // host, last, release
    [FieldOffset(0x08)] public ulong Function; // host
    [FieldOffset(0x10)] public long Arg0;
    [FieldOffset(0x18)] public long Arg1;
    [FieldOffset(0x20)] public long Arg2;
    [FieldOffset(0x28)] public long Arg3;
    [FieldOffset(0x30)] public long Result;    // HRT (the report's address when Done has FailedFlag)
    [FieldOffset(0x38)] public long Done;      // HRT, last, release; bit 63: the export threw
}

/// <summary>
/// The host's side of one mailbox. <see cref="Busy"/> serialises the calls on that vCPU (whoever
/// holds it owns the mailbox until the call completes); when the VM is torn down the teardown takes
/// every slot for good, after which nothing touches guest RAM again.
/// </summary>
internal sealed unsafe class MailboxSlot(int cpu, Mailbox* box)
{
    public readonly int Cpu = cpu;
    public readonly Mailbox* Box = box;
    public int Busy;
    public long Sequence;

    public bool TryAcquire() => Interlocked.CompareExchange(ref Busy, 1, 0) == 0;

    public void Release() => Volatile.Write(ref Busy, 0);

    /// <summary>Posts a call: the arguments, then Request last with a release store.</summary>
    public long Post(ulong function, long a0, long a1, long a2, long a3)
    {
        var box = Box;
        box->Function = function;
        box->Arg0 = a0;
        box->Arg1 = a1;
        box->Arg2 = a2;
        box->Arg3 = a3;
        var sequence = ++Sequence;
        Volatile.Write(ref box->Request, sequence);
        return sequence;
    }

    /// <summary>Bit 63 of Done: the export threw, and Result is the guest address of its report.</summary>
    public const long FailedFlag = long.MinValue;

    public bool IsDone(long sequence) => (Volatile.Read(ref Box->Done) & ~FailedFlag) == sequence;

    /// <summary>The completed call threw (read after <see cref="IsDone"/>).</summary>
    public bool Failed => (Box->Done & FailedFlag) != 0;

    public long Result => Box->Result;
}
