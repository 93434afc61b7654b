using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nacre.Hvm.Kvm;

namespace Nacre.Hvm;

/// <summary>How a park hypercall ended (docs/hvm.md, "Paravirtual idle").</summary>
public enum ParkOutcome
{
    /// <summary>Did not sleep: a kick was already pending, an interrupt was in flight, the deadline had passed, or the VM is stopping.</summary>
    AtOnce,
    /// <summary>Slept and was woken by a kick (another vCPU's hypercall 0x38, or the host).</summary>
    Kicked,
    /// <summary>Slept until the deadline the guest passed.</summary>
    Deadline,
}

/// <summary>Per-vCPU counts of park hypercalls and how they ended.</summary>
public readonly record struct ParkCounters(long Parks, long AtOnce, long Kicked, long Deadline, long KicksReceived);

/// <summary>
/// Where idle vCPUs sleep in the VMM instead of halting in the guest (deprivileged mode's
/// paravirtual idle): a park hypercall blocks the vCPU's host thread on a futex until a kick or
/// its deadline; KVM_RUN then resumes the guest, with no interrupt to deliver.
///
/// Each vCPU has one word, <see cref="Running"/>, <see cref="Parked"/>, <see cref="KickPending"/>
/// or <see cref="Stopped"/>, changed only by compare-and-swap. A kick that finds the vCPU running
/// leaves KickPending, which its next park consumes without sleeping: a kick sent between the
/// guest's last look for work and its park hypercall is never lost. A kick that finds it Parked
/// sets Running itself and wakes the futex, so exactly one of kicker and timeout ends a sleep.
/// </summary>
internal sealed unsafe class VcpuParking
{
    private const int Running = 0, Parked = 1, KickPending = 2, Stopped = 3;
    private const int WordStride = 16; // ints: one cache line per vCPU

    private readonly int _cpus;
    private readonly int* _words;   // in _wordStorage, which is pinned: futexes need fixed addresses
    private readonly int[] _wordStorage;
    private readonly long[] _counts; // per vCPU: parks, at once, kicked, deadline, kicks received

    public VcpuParking(int cpus)
    {
        if (Stopwatch.Frequency != 1_000_000_000)
            throw new PlatformNotSupportedException("the VMM's park deadlines assume Stopwatch ticks are CLOCK_MONOTONIC nanoseconds (Linux)");
        _cpus = cpus;
        _wordStorage = GC.AllocateArray<int>(cpus * WordStride + WordStride, pinned: true);
        var first = (nint)Unsafe.AsPointer(ref _wordStorage[0]);
        _words = (int*)((first + 63) & ~(nint)63);
        _counts = new long[cpus * 5];
    }

    public ParkCounters Counters(int cpu)
    {
        return new ParkCounters(Volatile.Read(ref _counts[cpu * 5]), Volatile.Read(ref _counts[cpu * 5 + 1]),
            Volatile.Read(ref _counts[cpu * 5 + 2]), Volatile.Read(ref _counts[cpu * 5 + 3]), Volatile.Read(ref _counts[cpu * 5 + 4]));
    }

    /// <summary>
    /// Sleeps the calling vCPU thread until a kick or until <paramref name="deadline"/>
    /// (a <see cref="Stopwatch"/> timestamp, i.e. CLOCK_MONOTONIC ns; long.MaxValue: none).
    /// </summary>
    /// <paramref name="sleeping"/> is incremented once the vCPU is committed to sleep (its word is
    /// Parked, so any kick from then on wakes it): the guest's count of parks that started.
    public ParkOutcome Park(int cpu, long deadline, ulong* sleeping)
    {
        ref var word = ref _words[cpu * WordStride];
        Interlocked.Increment(ref _counts[cpu * 5]);
        while (true)
        {
            var state = Volatile.Read(ref word);
            if (state == Stopped)
                return Count(cpu, ParkOutcome.AtOnce);
            if (state == KickPending && Interlocked.CompareExchange(ref word, Running, KickPending) == KickPending)
                return Count(cpu, ParkOutcome.AtOnce);
            if (state == Running && Interlocked.CompareExchange(ref word, Parked, Running) == Running)
                break;
        }
        Volatile.Write(ref *sleeping, *sleeping + 1);
        var timeout = new Libc.Timespec { Seconds = deadline / 1_000_000_000, Nanoseconds = deadline % 1_000_000_000 };
        var timed = deadline != long.MaxValue;
        while (true)
        {
            var result = Libc.Syscall(Libc.SYS_futex, (nint)Unsafe.AsPointer(ref word), Libc.FUTEX_WAIT_BITSET_PRIVATE, Parked,
                timed ? (nint)(&timeout) : 0, 0, unchecked((nint)0xFFFF_FFFFL));
            if (Volatile.Read(ref word) != Parked)
                return Count(cpu, ParkOutcome.Kicked); // a kicker (or Stop) set it: it owns the wake-up
            var timedOut = result < 0 && Marshal.GetLastPInvokeError() == Libc.ETIMEDOUT || timed && Stopwatch.GetTimestamp() >= deadline;
            if (timedOut)
                return Count(cpu, Interlocked.CompareExchange(ref word, Running, Parked) == Parked ? ParkOutcome.Deadline : ParkOutcome.Kicked);
            // EINTR, EAGAIN or a spurious wake-up: sleep on.
        }
    }

    /// <summary>A park hypercall the VMM answered without sleeping (an interrupt in flight, a past deadline).</summary>
    public ParkOutcome NotParked(int cpu)
    {
        Interlocked.Increment(ref _counts[cpu * 5]);
        return Count(cpu, ParkOutcome.AtOnce);
    }

    /// <summary>Wakes <paramref name="cpu"/> if it is parked, else makes its next park return at once.</summary>
    public void Kick(int cpu)
    {
        ref var word = ref _words[cpu * WordStride];
        Interlocked.Increment(ref _counts[cpu * 5 + 4]);
        while (true)
        {
            var state = Volatile.Read(ref word);
            if (state is KickPending or Stopped)
                return;
            if (state == Running && Interlocked.CompareExchange(ref word, KickPending, Running) == Running)
                return;
            if (state == Parked && Interlocked.CompareExchange(ref word, Running, Parked) == Parked)
            {
                Libc.Syscall(Libc.SYS_futex, (nint)Unsafe.AsPointer(ref word), Libc.FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
                return;
            }
        }
    }

    /// <summary>The VM is stopping: every park returns at once from now on, parked vCPUs included.</summary>
    public void Stop()
    {
        for (var cpu = 0; cpu < _cpus; cpu++)
        {
            ref var word = ref _words[cpu * WordStride];
            Interlocked.Exchange(ref word, Stopped);
            Libc.Syscall(Libc.SYS_futex, (nint)Unsafe.AsPointer(ref word), Libc.FUTEX_WAKE_PRIVATE, int.MaxValue, 0, 0, 0);
        }
    }

    private ParkOutcome Count(int cpu, ParkOutcome outcome)
    {
        Interlocked.Increment(ref _counts[cpu * 5 + 1 + (int)outcome]);
        return outcome;
    }
}
