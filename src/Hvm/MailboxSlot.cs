namespace Nacre.Hvm;

/// <summary>
/// The host's side of one mailbox. <see cref="Busy"/> serialises the calls on that vCPU (whoever
/// holds it owns the mailbox until the call completes); when the VM is torn down the teardown takes
/// every slot for good, after which nothing touches guest RAM again.
/// </summary>
internal sealed unsafe class MailboxSlot(int cpu, InvokeMailbox* box)
{
    public readonly int Cpu = cpu;
    public readonly InvokeMailbox* Box = box;
    public int Busy;
    public ulong Sequence;

    public bool TryAcquire() => Interlocked.CompareExchange(ref Busy, 1, 0) == 0;

    public void Release() => Volatile.Write(ref Busy, 0);

    /// <summary>Posts a call: the arguments, then Request last with a release store.</summary>
    public ulong Post(ulong function, long a0, long a1, long a2, long a3)
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

    public bool IsDone(ulong sequence) => (Volatile.Read(ref Box->Done) & ~InvokeMailbox.Failed) == sequence;

    /// <summary>The completed call threw (read after <see cref="IsDone"/>).</summary>
    public bool Failed => (Box->Done & InvokeMailbox.Failed) != 0;

    public long Result => Box->Result;
}
