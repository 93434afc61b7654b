using System.Collections.Concurrent;
using System.Diagnostics;

namespace Nacre.Hvm;

public sealed partial class Hrt
{
    /// <summary>One asynchronous call: waiting for a mailbox, then posted and polled.</summary>
    private sealed class AsyncCall(HrtFunction function, int cpu, long a0, long a1, long a2, long a3, long deadline)
    {
        public readonly HrtFunction Function = function;
        public readonly int Cpu = cpu;
        public readonly long A0 = a0, A1 = a1, A2 = a2, A3 = a3;
        public readonly long Deadline = deadline;
        public readonly TaskCompletionSource<long> Completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public MailboxSlot? Slot;
        public ulong Sequence;
        public bool TimedOut;
    }

    private readonly ConcurrentQueue<AsyncCall> _asyncQueue = new();
    private readonly SemaphoreSlim _asyncSignal = new(0);
    private readonly object _asyncLock = new();
    private Thread? _asyncThread;
    private bool _asyncStopping;
    private int _nextAnyCpu;

    /// <summary>As <see cref="WaitForExitAsync()"/>, but stops the VM and throws
    /// <see cref="HrtTimeoutException"/> (with vCPU 0's registers) after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            return await _exit.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            RequestStop(new StopReason(StopKind.Timeout, 0, $"the HRT did not exit within {Format(timeout)}"));
            return await _exit.Task.ConfigureAwait(false);
        }
    }

    internal Task<long> InvokeAsyncOn(int cpu, HrtFunction function, long a0, long a1, long a2, long a3)
    {
        if (cpu != HrtFunction.AnyCpu && (uint)cpu >= (uint)Cpus)
            throw new ArgumentOutOfRangeException(nameof(cpu), cpu, $"the HRT has vCPUs 0 to {Cpus - 1} (or AnyCpu)");
        var call = new AsyncCall(function, cpu, a0, a1, a2, a3, Stopwatch.GetTimestamp() + InvokeTimeoutTicks);
        lock (_asyncLock)
        {
            if (_asyncStopping || !IsRunning)
                return Task.FromException<long>(StoppedError(inFlight: false));
            if (_asyncThread is null)
            {
                _asyncThread = new Thread(PollAsyncCalls) { IsBackground = true, Name = "HRT async invokes" };
                _asyncThread.Start();
            }
            _asyncQueue.Enqueue(call);
        }
        _asyncSignal.Release();
        return call.Completion.Task;
    }

    private void StopAsyncInvoker()
    {
        Thread? thread;
        lock (_asyncLock)
        {
            _asyncStopping = true;
            thread = _asyncThread;
        }
        _asyncSignal.Release();
        thread?.Join();
        _asyncSignal.Dispose();
    }

    /// <summary>
    /// The async poller: posts queued calls as mailboxes become free and completes the posted ones
    /// when their Done matches. It spins while calls are outstanding (backing off to yields and
    /// sleeps for long calls) and sleeps on a semaphore when there are none.
    /// </summary>
    private void PollAsyncCalls()
    {
        var pending = new List<AsyncCall>();
        long idleSince = 0;
        while (true)
        {
            while (_asyncQueue.TryDequeue(out var queued))
                pending.Add(queued);
            if (pending.Count == 0)
            {
                lock (_asyncLock)
                    if (_asyncStopping && _asyncQueue.IsEmpty)
                        return;
                _asyncSignal.Wait();
                continue;
            }
            if (!IsRunning)
            {
                FailAll(pending);
                continue;
            }

            var progress = false;
            var now = Stopwatch.GetTimestamp();
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                var call = pending[i];
                if (call.Slot is null)
                {
                    var slot = AcquireForAsync(call.Cpu);
                    if (slot is not null)
                    {
                        call.Slot = slot;
                        call.Sequence = slot.Post(call.Function.Address, call.A0, call.A1, call.A2, call.A3);
                        if (_options.Idle == IdleMode.Halt)
                            Wake(slot.Cpu);
                        progress = true;
                    }
                    else if (now > call.Deadline)
                    {
                        call.TimedOut = true;
                        RequestStop(new StopReason(StopKind.Timeout, Math.Max(call.Cpu, 0),
                            $"{call.Function.Name} could not start within {Format(_options.InvokeTimeout)}: no vCPU mailbox became free; the VM was stopped"));
                    }
                }
                else if (call.Slot.IsDone(call.Sequence))
                {
                    var result = call.Slot.Result;
                    var thrown = call.Slot.Failed ? GuestException(call.Function, result) : null;
                    call.Slot.Release();
                    pending.RemoveAt(i);
                    if (thrown is not null)
                        call.Completion.TrySetException(thrown);
                    else
                        call.Completion.TrySetResult(result);
                    progress = true;
                }
                else if (now > call.Deadline)
                {
                    call.TimedOut = true;
                    RequestStop(new StopReason(StopKind.Timeout, call.Slot.Cpu,
                        $"{call.Function.Name} on vCPU {call.Slot.Cpu} did not return within {Format(_options.InvokeTimeout)}; the VM was stopped"));
                }
            }

            if (progress)
            {
                idleSince = 0;
                continue;
            }
            if (idleSince == 0)
                idleSince = now;
            var idle = Stopwatch.GetElapsedTime(idleSince, now);
            if (idle < TimeSpan.FromMicroseconds(50))
                Thread.SpinWait(20);
            else if (idle < TimeSpan.FromMilliseconds(10))
                Thread.Yield();
            else
                Thread.Sleep(1);
        }
    }

    /// <summary>Takes the requested vCPU's mailbox, or for AnyCpu the first free one (rotating the
    /// starting point so that calls spread over the vCPUs).</summary>
    private MailboxSlot? AcquireForAsync(int cpu)
    {
        var slots = _slots;
        if (cpu != HrtFunction.AnyCpu)
            return slots[cpu].TryAcquire() ? slots[cpu] : null;
        var start = _nextAnyCpu;
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[(start + i) % slots.Length];
            if (slot.TryAcquire())
            {
                _nextAnyCpu = (slot.Cpu + 1) % slots.Length;
                return slot;
            }
        }
        return null;
    }

    /// <summary>The VM stopped: give back the mailboxes (the teardown takes them), then fail every
    /// call, timed-out ones first so that they receive the failure itself.</summary>
    private void FailAll(List<AsyncCall> pending)
    {
        foreach (var call in pending)
            call.Slot?.Release();
        foreach (var call in pending.OrderByDescending(c => c.TimedOut))
            call.Completion.TrySetException(StoppedError(inFlight: call.Slot is not null));
        pending.Clear();
    }
}
