using System.Buffers.Binary;
using System.Diagnostics;
using Nacre.Hvm.Kvm;

namespace Nacre.Hvm;

/// <summary>
/// One host thread per vCPU running KVM_RUN in a loop and handling its exits.
///
/// Stopping a vCPU that spins in the guest uses QEMU's technique: the thread blocks
/// <see cref="StopSignal"/> for itself, and KVM_SET_SIGNAL_MASK gives KVM_RUN a mask in which it is
/// unblocked. A tgkill of that signal then makes KVM_RUN return EINTR without the signal ever being
/// delivered (it stays pending, blocked, and is consumed with sigtimedwait). kvm_run.immediate_exit
/// covers the window just before KVM_RUN is entered. The signal is only ever sent while the thread
/// is known to be alive (under <see cref="_kickLock"/>), so it cannot reach another thread.
/// </summary>
internal sealed unsafe class VcpuRunner
{
    /// <summary>SIGRTMIN+7: .NET uses SIGRTMIN itself (thread activation), nothing uses +7.</summary>
    public static readonly int StopSignal = Libc.CurrentSigrtmin() + 7;

    private readonly Hrt _hrt;
    private readonly int? _pinTo;
    private readonly object _kickLock = new();
    private Thread? _thread;
    private int _tid;          // 0 before the thread runs and after it leaves its loop (under _kickLock)
    private volatile bool _stop;

    public VcpuRunner(Hrt hrt, KvmVcpu vcpu, int? pinTo)
    {
        _hrt = hrt;
        Vcpu = vcpu;
        _pinTo = pinTo;
    }

    public KvmVcpu Vcpu { get; }
    public int Index => Vcpu.Index;
    public bool IsCurrentThread => _thread == Thread.CurrentThread;

    public void Start()
    {
        _thread = new Thread(Main) { IsBackground = true, Name = $"HRT vCPU {Index}" };
        _thread.Start();
    }

    /// <summary>Makes the thread leave KVM_RUN and its loop. Safe to call any time, from any thread.</summary>
    public void Kick()
    {
        _stop = true;
        var run = Vcpu.Run;
        if (run != null)
            Volatile.Write(ref run->ImmediateExit, 1);
        Interlocked.MemoryBarrier();
        lock (_kickLock)
        {
            if (_tid != 0)
                Libc.Tgkill(Libc.Getpid(), _tid, StopSignal);
        }
    }

    public void Join()
    {
        if (_thread is { ThreadState: not System.Threading.ThreadState.Unstarted } thread)
            thread.Join();
    }

    private void Main()
    {
        try
        {
            var stopSet = Libc.SigSet.Of(StopSignal);
            Libc.SigSet current;
            var error = Libc.PthreadSigmask(Libc.SIG_BLOCK, &stopSet, &current);
            if (error != 0)
            {
                Fail($"cannot block the stop signal in vCPU {Index}'s thread: {Libc.Errno(error)}");
                return;
            }
            // KVM_RUN runs the guest with this thread's mask minus the stop signal.
            Vcpu.SetSignalMask(current.Bits[0] & ~(1UL << (StopSignal - 1)));
            if (_pinTo is { } cpu)
                Pin(cpu);
            // Park deadlines are timers of this thread: the default 50 µs slack would make every
            // timer of a parked vCPU that late.
            Libc.Prctl(Libc.PR_SET_TIMERSLACK, 1, 0, 0, 0);

            lock (_kickLock)
                _tid = Libc.Gettid();
            Interlocked.MemoryBarrier();
            try
            {
                _hrt.WaitUntilAllVcpusStarted();
                Loop();
            }
            finally
            {
                lock (_kickLock)
                    _tid = 0;
                ConsumeStopSignal(&stopSet);
            }
        }
        catch (Exception e)
        {
            Fail($"the VMM failed running vCPU {Index}: {e.Message}");
        }
    }

    private void Loop()
    {
        var run = Vcpu.Run;
        while (!_stop)
        {
            var errno = Vcpu.RunOnce();
            if (errno == Libc.EINTR || errno == Libc.EAGAIN)
                continue; // a kick (the loop condition decides) or another signal
            if (errno != 0)
            {
                Fail($"KVM_RUN on vCPU {Index} failed: {Libc.Errno(errno)}", snapshot: true);
                return;
            }
            bool keepRunning;
            try
            {
                keepRunning = HandleExit(run);
            }
            catch (Exception e)
            {
                Fail($"the VMM failed handling vCPU {Index}'s {KvmExit.Name(run->ExitReason)}: {e.Message}", snapshot: true);
                return;
            }
            if (!keepRunning)
                return;
        }
    }

    private static void ConsumeStopSignal(Libc.SigSet* set)
    {
        var zero = new Libc.Timespec();
        while (Libc.Sigtimedwait(set, null, &zero) > 0)
        {
        }
    }

    private void Pin(int cpu)
    {
        var mask = default(Libc.CpuSet);
        mask.Add(cpu);
        if (Libc.SchedSetaffinity(0, (nuint)sizeof(Libc.CpuSet), &mask) != 0)
            throw Ioctls.Failed($"sched_setaffinity of vCPU {Index} to CPU {cpu}");
    }

    /// <summary>Handles one exit; false when the vCPU must stop (the VM is stopping).</summary>
    private bool HandleExit(KvmRun* run)
    {
        switch (run->ExitReason)
        {
            case KvmExit.Mmio:
                return HandleMmio(ref run->Mmio);
            case KvmExit.Io:
                return HandleIo(run);
            case KvmExit.Shutdown:
                return Fail($"vCPU {Index} triple-faulted (KVM_EXIT_SHUTDOWN): an exception could not be delivered, e.g. because no IDT was loaded yet or the fault handler faulted too", snapshot: true);
            case KvmExit.InternalError:
                return Fail(InternalErrorMessage(ref run->Internal), snapshot: true);
            case KvmExit.FailEntry:
                return Fail($"VM entry failed on vCPU {Index} (KVM_EXIT_FAIL_ENTRY): hardware entry failure reason 0x{run->FailEntry.HardwareEntryFailureReason:X} on host CPU {run->FailEntry.Cpu}", snapshot: true);
            case KvmExit.SystemEvent:
                return Fail($"vCPU {Index} raised a KVM system event ({KvmExit.SystemEventName(run->SystemEvent.Type)}, KVM_EXIT_SYSTEM_EVENT)", snapshot: true);
            case KvmExit.Intr:
                return true; // a signal arrived at the exit; the loop condition decides
            default:
                return Fail($"vCPU {Index} stopped with {KvmExit.Name(run->ExitReason)}, which the VMM does not handle", snapshot: true);
        }
    }

    private bool HandleMmio(ref KvmRunMmio mmio)
    {
        var offset = mmio.PhysAddr - GuestPhysical.HypercallAddress;
        var length = (int)Math.Min(mmio.Len, 8u);
        if (mmio.PhysAddr < GuestPhysical.HypercallAddress || offset >= GuestPhysical.HypercallPageSize)
            return Fail($"vCPU {Index} {(mmio.IsWrite != 0 ? "wrote" : "read")} {mmio.Len} byte(s) at guest-physical 0x{mmio.PhysAddr:X}, which is neither RAM, the arena nor the hypercall page", snapshot: true);
        if (mmio.IsWrite == 0)
            return Fail($"vCPU {Index} read {mmio.Len} byte(s) from the hypercall page at offset 0x{offset:X}; the page is store-only", snapshot: true);

        ulong value = 0;
        fixed (byte* data = mmio.Data)
            for (var i = length - 1; i >= 0; i--)
                value = value << 8 | data[i];

        switch (offset)
        {
            case Hypercalls.ConsoleByte:
                _hrt.Console.Write(Index, (byte)value);
                return true;
            case Hypercalls.ConsoleWrite:
                return WriteDescriptor(value);
            case Hypercalls.Exit:
                _hrt.GuestExited(Index, (int)(uint)value, Snapshot());
                return false;
            case Hypercalls.MainStarting:
                _hrt.MainStarted(Stopwatch.GetTimestamp());
                return true;
            case Hypercalls.Ready:
                _hrt.BecameReady(Stopwatch.GetTimestamp(), (long)value);
                return true;
            case Hypercalls.UpcallDoorbell:
                if (_hrt.Upcalls is not { } upcalls)
                    return Fail($"vCPU {Index} rang the upcall doorbell (hypercall 0x28) but no upcall service is attached to this HRT", snapshot: true);
                upcalls.Doorbell(Index, value);
                return true;
            case Hypercalls.Park:
                return Park(value);
            case Hypercalls.Kick:
                if (value >= (ulong)_hrt.Cpus)
                    return Fail($"vCPU {Index} kicked vCPU {value} (hypercall 0x38), but the HRT has vCPUs 0 to {_hrt.Cpus - 1}", snapshot: true);
                _hrt.Parking.Kick((int)value);
                return true;
            default:
                return Fail($"vCPU {Index} stored 0x{value:X} ({mmio.Len} byte(s)) at hypercall page offset 0x{offset:X}, which means nothing", snapshot: true);
        }
    }

    /// <summary>
    /// Hypercall 0x30, paravirtual idle: the value is the address of the vCPU's park block
    /// { u64 Deadline; u64 Now; u64 Parks; u64 AtOnce; u64 Kicked; u64 DeadlineWakes; } (guest TSC
    /// values; Deadline 0 = none). Sleeps until a kick or the deadline, then counts the outcome in
    /// the block. An interrupt already requested of this vCPU's local APIC (or delivered while the
    /// guest had its virtual IF off) ends the park at once: the guest will take it on return.
    /// </summary>
    private bool Park(ulong blockAddress)
    {
        var block = (ulong*)_hrt.GuestPointer(blockAddress, (ulong)sizeof(ParkBlock));
        if (block == null || (blockAddress & 7) != 0)
            return Fail($"vCPU {Index}'s park block at 0x{blockAddress:X} (hypercall 0x30) is not 8-byte aligned guest RAM or arena", snapshot: true);
        var deadline = long.MaxValue;
        var now = Stopwatch.GetTimestamp();
        if (block[0] != 0)
        {
            var cycles = (long)(block[0] - block[1]);
            deadline = cycles <= 0 ? now : now + (long)Math.Min(cycles * 1e6 / _hrt.TscKhz, 1e15);
        }
        // A park that sleeps is counted as it commits to sleeping, its outcome when it ends:
        // meanwhile other vCPUs can see that this one sleeps in the VMM and that a kick will wake it.
        ParkOutcome outcome;
        if (deadline <= now || _stop || Vcpu.HasInterruptInFlight())
        {
            outcome = _hrt.Parking.NotParked(Index);
            Volatile.Write(ref block[2], block[2] + 1);
        }
        else
        {
            outcome = _hrt.Parking.Park(Index, deadline, &block[2]);
            if (outcome == ParkOutcome.AtOnce)
                Volatile.Write(ref block[2], block[2] + 1); // a pending kick: it never slept
        }
        Volatile.Write(ref block[3 + (int)outcome], block[3 + (int)outcome] + 1);
        return true;
    }

    /// <summary>Hypercall 0x08: the value is the address of { u64 Address; u64 Length; }.</summary>
    private bool WriteDescriptor(ulong descriptorAddress)
    {
        var descriptor = (ConsoleWriteDescriptor*)_hrt.GuestPointer(descriptorAddress, (ulong)sizeof(ConsoleWriteDescriptor));
        if (descriptor == null)
            return Fail($"vCPU {Index}'s console write descriptor at 0x{descriptorAddress:X} is outside guest RAM and the arena", snapshot: true);
        var address = descriptor->Address;
        var length = descriptor->Length;
        var text = length <= int.MaxValue ? _hrt.GuestPointer(address, length) : null;
        if (text == null)
            return Fail($"vCPU {Index} asked to write 0x{length:X} console bytes at 0x{address:X}, which is outside guest RAM and the arena", snapshot: true);
        _hrt.Console.Write(Index, new ReadOnlySpan<byte>(text, (int)length));
        return true;
    }

    /// <summary>Ring-0 mode only: the QEMU-style ports the kernel uses there.</summary>
    private bool HandleIo(KvmRun* run)
    {
        ref var io = ref run->Io;
        var data = (byte*)run + io.DataOffset;
        var bytes = (int)(io.Size * io.Count);
        var what = $"port I/O ({(io.Direction == KvmRunIo.DirectionOut ? "out to" : "in from")} port 0x{io.Port:X}, {io.Size} byte(s))";
        if (_hrt.Privilege != PrivilegeMode.Ring0)
            return Fail($"vCPU {Index} did {what}; ports are only handled in ring-0 mode", snapshot: true);

        switch (io.Port, io.Direction)
        {
            case (0x3F8, KvmRunIo.DirectionOut):
                _hrt.Console.Write(Index, new ReadOnlySpan<byte>(data, bytes));
                return true;
            case (0x3FD, KvmRunIo.DirectionIn):
                new Span<byte>(data, bytes).Fill(0x60); // line status: transmitter empty
                return true;
            case (0xF4, KvmRunIo.DirectionOut):
                var code = io.Size switch
                {
                    1 => *data,
                    2 => BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(data, 2)),
                    _ => (int)BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(data, 4)),
                };
                _hrt.GuestExited(Index, code, Snapshot());
                return false;
            default:
                return Fail($"vCPU {Index} did {what}, which the VMM does not handle", snapshot: true);
        }
    }

    private string InternalErrorMessage(ref KvmRunInternal error)
    {
        if (error.Suberror != KvmExit.InternalErrorEmulation)
        {
            var data = new List<string>();
            for (var i = 0; i < Math.Min(error.Ndata, 16u); i++)
                data.Add($"0x{error.Data[i]:X}");
            return $"vCPU {Index}: KVM internal error, suberror {error.Suberror} (KVM_EXIT_INTERNAL_ERROR; data {string.Join(' ', data)})";
        }
        var rip = SafeRegs()?.Rip;
        var where = rip is { } r ? $" at RIP=0x{r:X}{InstructionBytes(r)}" : "";
        return HrtOptions.HostIsKvmPvm
            ? $"vCPU {Index}: ring-0 code{where} ran an instruction kvm-pvm cannot emulate (KVM_EXIT_INTERNAL_ERROR, emulation failure; " +
              "kvm-pvm emulates guest ring 0 and cannot run e.g. SSE there): boot the HRT in deprivileged mode (PrivilegeMode.Deprivileged)"
            : $"vCPU {Index}: KVM could not emulate the instruction{where} (KVM_EXIT_INTERNAL_ERROR, emulation failure)";
    }

    private string InstructionBytes(ulong rip)
    {
        var code = _hrt.GuestPointer(rip, 15);
        return code == null ? "" : $" (bytes {Convert.ToHexString(new ReadOnlySpan<byte>(code, 15)).ToLowerInvariant()})";
    }

    /// <summary>Stops the VM because of a fault of this vCPU; returns false (stop this vCPU).</summary>
    private bool Fail(string message, bool snapshot = false)
    {
        _hrt.VcpuFailed(Index, message, snapshot ? Snapshot() : null);
        return false;
    }

    private KvmRegs? SafeRegs()
    {
        try
        {
            return Vcpu.GetRegs();
        }
        catch (HrtException)
        {
            return null;
        }
    }

    /// <summary>This vCPU's registers (call on this vCPU's thread, or after it has stopped).</summary>
    public HrtRegisters? Snapshot()
    {
        try
        {
            var regs = Vcpu.GetRegs();
            var sregs = Vcpu.GetSregs();
            return HrtRegisters.From(Index, regs, sregs);
        }
        catch (HrtException)
        {
            return null;
        }
    }
}
