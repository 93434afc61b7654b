using System.Collections.Concurrent;
using System.Diagnostics;

namespace Nacre.Hvm;

public sealed unsafe partial class Hrt
{
    private enum CallStatus { Done, StoppedBeforePost, StoppedInFlight, TimedOut, BusyTooLong }

    /// <summary>How many spins on a mailbox between looks at the clock and the VM's state.</summary>
    private const int CheckInterval = 4096;

    /// <summary>Spins (about a microsecond: several round trips of a fast call) before a waiting
    /// caller on an oversubscribed host starts yielding its core (see <see cref="_callerYields"/>).</summary>
    private const int SpinsBeforeYield = 256;

    private readonly ConcurrentDictionary<string, HrtFunction> _functions = new(StringComparer.Ordinal);

    /// <summary>The export <paramref name="name"/> (with or without the <c>nacre_export_</c> prefix).</summary>
    public HrtFunction Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_functions.TryGetValue(name, out var function))
            return function;
        var bare = name.StartsWith(HrtImage.ExportPrefix, StringComparison.Ordinal) ? name[HrtImage.ExportPrefix.Length..] : name;
        if (Image.Exports.TryGetValue(bare, out var address))
            return _functions.GetOrAdd(name, _ => new HrtFunction(this, bare, address, foreign: false));
        var foreign = ForeignExports();
        if (foreign.TryGetValue(name, out address))
            return _functions.GetOrAdd(name, _ => new HrtFunction(this, name, address, foreign: true));
        var names = Image.Exports.Keys.Concat(foreign.Keys).ToList();
        var known = names.Count == 0 ? "it exports nothing" : $"it exports {string.Join(", ", names)}";
        throw new ArgumentException($"{Image.Path} has no export named {bare} ({known})", nameof(name));
    }

    /// <summary>
    /// The functions of a shared library the guest loaded (the .NET world), from the table the
    /// kernel publishes through <see cref="HrtImage.ForeignExportsSymbol"/>: name → guest address.
    /// </summary>
    private Dictionary<string, ulong> ForeignExports()
    {
        var exports = new Dictionary<string, ulong>(StringComparer.Ordinal);
        if (Image.ForeignExportsAddress == 0 || !IsRunning)
            return exports;
        var table = *(ulong*)GuestPointer(Image.ForeignExportsAddress, 8);
        if (table == 0)
            return exports;
        var count = *(ulong*)GuestPointer(table, 8);
        if (count > 100_000)
            throw new HrtException($"the guest's foreign export table at 0x{table:X} claims {count} entries");
        var entries = (ulong*)GuestPointer(table + 8, count * 16);
        for (ulong i = 0; i < count; i++)
        {
            var nameAddress = entries[2 * i];
            var text = GuestPointer(nameAddress, 1);
            var length = 0;
            while (length < 4096 && GuestPointer(nameAddress + (ulong)length, 1)[0] != 0)
                length++;
            exports[System.Text.Encoding.ASCII.GetString(text, length)] = entries[2 * i + 1];
        }
        return exports;
    }

    /// <summary>Calls export <paramref name="name"/> on vCPU 0 and waits for its result.</summary>
    public long Invoke(string name, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0) =>
        Resolve(name).Invoke(0, a0, a1, a2, a3);

    /// <summary>Calls export <paramref name="name"/> on vCPU 0 with doubles (as bit patterns).</summary>
    public double InvokeDouble(string name, double a0 = 0, double a1 = 0, double a2 = 0, double a3 = 0) =>
        Resolve(name).InvokeDouble(0, a0, a1, a2, a3);

    /// <summary>Posts a call of <paramref name="name"/> to the first free vCPU.</summary>
    public Task<long> InvokeAsync(string name, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0) =>
        Resolve(name).InvokeAsync(HrtFunction.AnyCpu, a0, a1, a2, a3);

    /// <summary>Calls <paramref name="name"/> on every vCPU at once; result i is vCPU i's.</summary>
    public long[] InvokeAll(string name, long a0 = 0, long a1 = 0, long a2 = 0, long a3 = 0) =>
        Resolve(name).InvokeAll(a0, a1, a2, a3);

    private long InvokeTimeoutTicks => (long)(_options.InvokeTimeout.TotalSeconds * Stopwatch.Frequency);

    internal long InvokeOn(int cpu, HrtFunction function, long a0, long a1, long a2, long a3)
    {
        var slots = _slots;
        if ((uint)cpu >= (uint)Cpus)
            throw new ArgumentOutOfRangeException(nameof(cpu), cpu, $"the HRT has vCPUs 0 to {Cpus - 1}");
        if (slots.Length == 0 || !IsRunning)
            throw StoppedError(inFlight: false);
        var slot = slots[cpu];
        var deadline = new Deadline(InvokeTimeoutTicks);
        var status = Acquire(slot, ref deadline);
        long result = 0;
        HrtGuestException? thrown = null;
        if (status == CallStatus.Done)
        {
            if (IsRunning)
            {
                var sequence = slot.Post(function.Address, a0, a1, a2, a3);
                if (_options.Idle == IdleMode.Halt)
                    Wake(cpu);
                status = WaitFor(slot, sequence, ref deadline);
                result = slot.Result;
                if (status == CallStatus.Done && slot.Failed)
                    thrown = GuestException(function, result);
            }
            else
            {
                status = CallStatus.StoppedBeforePost;
            }
            slot.Release();
        }
        if (thrown is not null)
            throw thrown;
        return status == CallStatus.Done ? result : throw CallFailed(status, cpu, function);
    }

    internal long[] InvokeAllCpus(HrtFunction function, long a0, long a1, long a2, long a3)
    {
        var slots = _slots;
        if (slots.Length == 0 || !IsRunning)
            throw StoppedError(inFlight: false);
        var deadline = new Deadline(InvokeTimeoutTicks);
        var results = new long[slots.Length];
        var sequences = new ulong[slots.Length];
        HrtGuestException? thrown = null;
        var acquired = 0;
        var status = CallStatus.Done;
        var failedCpu = 0;
        for (; acquired < slots.Length && status == CallStatus.Done; acquired++)
        {
            status = Acquire(slots[acquired], ref deadline);
            failedCpu = acquired;
            if (status != CallStatus.Done)
                break;
        }
        if (status == CallStatus.Done && !IsRunning)
            status = CallStatus.StoppedBeforePost;
        if (status == CallStatus.Done)
        {
            for (var cpu = 0; cpu < slots.Length; cpu++)
                sequences[cpu] = slots[cpu].Post(function.Address, a0, a1, a2, a3);
            if (_options.Idle == IdleMode.Halt)
                for (var cpu = 0; cpu < slots.Length; cpu++)
                    Wake(cpu);
            for (var cpu = 0; cpu < slots.Length && status == CallStatus.Done; cpu++)
            {
                status = WaitFor(slots[cpu], sequences[cpu], ref deadline);
                results[cpu] = slots[cpu].Result;
                failedCpu = cpu;
                if (status == CallStatus.Done && slots[cpu].Failed)
                    thrown ??= GuestException(function, results[cpu]);
            }
        }
        for (var cpu = 0; cpu < acquired; cpu++)
            slots[cpu].Release();
        if (thrown is not null)
            throw thrown;
        return status == CallStatus.Done ? results : throw CallFailed(status, failedCpu, function);
    }

    /// <summary>
    /// A call's time limit. The clock is first read only when the call has already waited a
    /// while (a few thousand spins, microseconds), so that a fast call never pays for it.
    /// </summary>
    private struct Deadline(long timeoutTicks)
    {
        private long _deadline, _yieldAfter;

        /// <summary>Checks the clock; true once the timeout has passed. After a millisecond of
        /// waiting it also yields the host CPU on each check.</summary>
        public bool Expired()
        {
            var now = Stopwatch.GetTimestamp();
            if (_deadline == 0)
            {
                _deadline = now + timeoutTicks;
                _yieldAfter = now + Stopwatch.Frequency / 1000;
                return false;
            }
            if (now > _yieldAfter)
                Thread.Yield();
            return now > _deadline;
        }
    }

    private CallStatus Acquire(MailboxSlot slot, ref Deadline deadline)
    {
        if (slot.TryAcquire())
            return CallStatus.Done;
        var spin = new SpinWait();
        while (!slot.TryAcquire())
        {
            if (!IsRunning)
                return CallStatus.StoppedBeforePost;
            if (deadline.Expired())
                return CallStatus.BusyTooLong;
            spin.SpinOnce();
        }
        return CallStatus.Done;
    }

    /// <summary>Spins on Done (a volatile read; yielding after a while where the caller has no core
    /// of its own); every <see cref="CheckInterval"/> spins it checks
    /// whether the VM stopped and the clock.</summary>
    private CallStatus WaitFor(MailboxSlot slot, ulong sequence, ref Deadline deadline)
    {
        var spins = 0;
        var yields = _callerYields;
        while (!slot.IsDone(sequence))
        {
            ++spins;
            if (yields && spins > SpinsBeforeYield)
                Thread.Yield();
            if (spins % CheckInterval != 0)
                continue;
            if (!IsRunning)
                return CallStatus.StoppedInFlight;
            if (deadline.Expired())
                return CallStatus.TimedOut;
        }
        return CallStatus.Done;
    }

    /// <summary>
    /// The exception an export threw, from the report the guest left at <paramref name="report"/>
    /// (read while the mailbox is still held: the next call on that vCPU reuses the buffer).
    /// </summary>
    internal HrtGuestException GuestException(HrtFunction function, long report)
    {
        const ulong maxReport = 64 * 1024;
        var header = GuestPointer((ulong)report, 8);
        var length = header == null ? 0 : *(ulong*)header;
        var text = length <= maxReport ? GuestPointer((ulong)report + 8, length) : null;
        if (text == null)
            return new HrtGuestException(function.Name, "an exception", $"(its report at 0x{report:X} is unreadable)", []);
        return HrtGuestException.FromReport(function.Name, new ReadOnlySpan<byte>(text, (int)length));
    }

    /// <summary>
    /// Halt mode: an MSI with vector 0xF3 to the vCPU's APIC id (= its index), and a kick in case
    /// the vCPU is parked in the VMM (paravirtual idle), where no interrupt reaches it.
    /// </summary>
    private void Wake(int cpu)
    {
        _vm!.SignalMsi(GuestLayout.LapicAddress | ((ulong)cpu << 12), InvokeMailbox.WakeVector);
        Parking.Kick(cpu);
    }

    private Exception CallFailed(CallStatus status, int cpu, HrtFunction function)
    {
        var timeout = Format(_options.InvokeTimeout);
        switch (status)
        {
            case CallStatus.TimedOut:
                RequestStop(new StopReason(StopKind.Timeout, cpu, $"{function.Name} on vCPU {cpu} did not return within {timeout}; the VM was stopped"));
                return StoppedError(inFlight: true);
            case CallStatus.BusyTooLong:
                RequestStop(new StopReason(StopKind.Timeout, cpu, $"{function.Name} could not start on vCPU {cpu} within {timeout}: an earlier call there did not return; the VM was stopped"));
                return StoppedError(inFlight: true);
            case CallStatus.StoppedInFlight:
                return StoppedError(inFlight: true);
            default:
                return StoppedError(inFlight: false);
        }
    }
}
