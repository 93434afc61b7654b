using System.Runtime.CompilerServices;

namespace Nacre.Host.Bench;

/// <summary>
/// The .NET baselines, run in the bench tool's own process: the kernel benchmarks' operations with
/// System.Threading (Thread, Monitor, SemaphoreSlim, Barrier), threads pinned with
/// sched_setaffinity as the kernel's are bound, stamps from the same rdtsc (<see cref="Tsc"/>).
/// Results use the names of docs/benchmarks.md ("dotnet" source).
/// </summary>
public sealed class DotNetBaselines(int samples, int warmup, IReadOnlyList<int> cpus, double tscHz)
{
    public static readonly IReadOnlyList<string> Names =
        ["rdtsc", "pingpong", "launch", "createjoin", "yield", "monitor", "semaphoreslim", "pulseall", "barrier",
         "throw.1", "throw.10", "call.10"];

    private int A => cpus[0];
    private int B => cpus[1];
    private int Total => samples + warmup;

    /// <summary>Runs the selected baselines on a thread pinned to the first allowed CPU.</summary>
    public List<BenchResult> Run(Func<string, bool> selected)
    {
        if (!Tsc.Available)
            throw new InvalidOperationException("the .NET baselines need rdtsc (x86-64 Linux)");
        var results = new List<BenchResult>();
        Exception? failure = null;
        var runner = new Thread(() =>
        {
            try
            {
                LinuxThreads.PinCurrentThread(A);
                foreach (var name in Names)
                {
                    if (!selected(name) || (cpus.Count < 2 && name is not ("rdtsc" or "createjoin" or "yield" or "throw.1" or "throw.10" or "call.10")))
                        continue;
                    results.Add(RunOne(name));
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
        }) { Name = "bench .NET baselines" };
        runner.Start();
        runner.Join();
        if (failure is not null)
            throw new InvalidOperationException($".NET baseline failed: {failure.Message}", failure);
        return results;
    }

    private BenchResult RunOne(string name) => name switch
    {
        "rdtsc" => Rdtsc(),
        "pingpong" => PingPong(),
        "launch" => Launch(),
        "createjoin" => CreateJoin(),
        "yield" => Yield(),
        "monitor" => Wake(name, WakeKind.Monitor),
        "semaphoreslim" => Wake(name, WakeKind.Semaphore),
        "pulseall" => Wake(name, WakeKind.PulseAll),
        "barrier" => BarrierRounds(),
        "throw.1" => Timed(name, r => DotNetExceptionBaselines.Throw(r, 1)),
        "throw.10" => Timed(name, r => DotNetExceptionBaselines.Throw(r, 10)),
        "call.10" => Timed(name, r => DotNetExceptionBaselines.Call(r, 10)),
        _ => throw new ArgumentException($"no .NET baseline {name}"),
    };

    private Recorder New(string name) => new(name, samples, warmup);

    private BenchResult Timed(string name, Action<Recorder> run)
    {
        var r = New(name);
        run(r);
        return r.ToResult(tscHz);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BenchResult Rdtsc()
    {
        var r = New("rdtsc");
        while (!r.Full)
        {
            var t0 = Tsc.Now;
            var t1 = Tsc.Now;
            r.Add(t1 - t0);
        }
        return r.ToResult(tscHz);
    }

    // Flags live in the middle of their own arrays: no other data shares their cache lines.
    private const int Slot = 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BenchResult PingPong()
    {
        var r = New("pingpong");
        var flag = new long[2 * Slot];
        var responderCpu = -1;
        var responder = new Thread(() =>
        {
            LinuxThreads.PinCurrentThread(B);
            responderCpu = LinuxThreads.CurrentCpu;
            for (long k = 0; ; k++)
            {
                long expect = 2 * k + 1, v;
                while ((v = Volatile.Read(ref flag[Slot])) != expect && v != -1) { }
                if (v == -1)
                    return;
                Volatile.Write(ref flag[Slot], expect + 1);
            }
        });
        responder.Start();
        for (long k = 0; k < Total; k++)
        {
            var t0 = Tsc.Now;
            Volatile.Write(ref flag[Slot], 2 * k + 1);
            while (Volatile.Read(ref flag[Slot]) != 2 * k + 2) { }
            var t1 = Tsc.Now;
            r.Add(t1 - t0);
        }
        Volatile.Write(ref flag[Slot], -1);
        responder.Join();
        r.ExpectAll("responder ran on CPU B", responderCpu == B);
        return r.ToResult(tscHz);
    }

    private sealed class Stamp
    {
        public long Stop;
        public int Cpu;
        public int ThreadId;
        public int Done;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Take()
        {
            var now = Tsc.Now;
            Stop = now;
            Cpu = LinuxThreads.CurrentCpu;
            ThreadId = Environment.CurrentManagedThreadId;
            Volatile.Write(ref Done, 1);
        }
    }

    /// <summary>launch: new Thread + Start; the thread stamps first thing (it cannot be pinned before it starts: .NET has no such API).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BenchResult Launch()
    {
        var r = New("launch");
        var self = Environment.CurrentManagedThreadId;
        while (!r.Full)
        {
            var s = new Stamp();
            var t0 = Tsc.Now;
            var thread = new Thread(s.Take);
            thread.Start();
            SpinUntil(ref s.Done, 1, "the launched thread");
            thread.Join();
            if (!r.Add(s.Stop - t0))
                continue;
            r.Expect("stop stamp taken by the launched thread", s.ThreadId != self && s.ThreadId == thread.ManagedThreadId);
            r.Expect("stop after start", s.Stop > t0);
        }
        return r.ToResult(tscHz, "the new thread is not pinned (.NET cannot bind a thread before it starts)");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BenchResult CreateJoin()
    {
        var r = New("createjoin");
        while (!r.Full)
        {
            var s = new Stamp();
            var t0 = Tsc.Now;
            var thread = new Thread(s.Take);
            thread.Start();
            thread.Join();
            var t1 = Tsc.Now;
            if (r.Add(t1 - t0))
                r.Expect("the thread ran inside the interval", s.Done == 1 && s.Stop > t0 && s.Stop < t1);
        }
        return r.ToResult(tscHz);
    }

    private sealed class YieldState
    {
        public long Last;
        public int LastBy;
        public int Kept;
        public int Wrong;
        public long[] Samples = [];
    }

    /// <summary>yield: two threads pinned to CPU A, Thread.Yield (sched_yield) ping-pong; sample = one switch.</summary>
    private BenchResult Yield()
    {
        var r = New("yield");
        var s = new YieldState { Samples = new long[Total] };
        var total = Total;
        using var start = new System.Threading.Barrier(2);
        Thread Make() => new(() =>
        {
            LinuxThreads.PinCurrentThread(A);
            start.SignalAndWait();
            YieldLoop(s, total, A);
        });
        var a = Make();
        var b = Make();
        a.Start();
        b.Start();
        a.Join();
        b.Join();
        for (var i = 0; i < s.Kept; i++)
            if (r.Add(s.Samples[i]))
                r.Expect("every sample is a switch between the two threads on one CPU", s.Wrong == 0);
        return r.ToResult(tscHz);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void YieldLoop(YieldState s, int total, int cpu)
    {
        var me = Environment.CurrentManagedThreadId;
        while (true)
        {
            var now = Tsc.Now;
            if (Volatile.Read(ref s.Last) != 0 && s.LastBy != me)
            {
                if (s.Kept >= total)
                    return;
                if (LinuxThreads.CurrentCpu != cpu)
                    s.Wrong++;
                s.Samples[s.Kept++] = now - s.Last;
            }
            if (s.Kept >= total)
                return;
            s.LastBy = me;
            Volatile.Write(ref s.Last, Tsc.Now);
            Thread.Yield();
        }
    }

    private enum WakeKind { Monitor, Semaphore, PulseAll }

    private sealed class Waiter
    {
        public long Stop;
        public int StopCpu;
        public int Done;
        public int Cpu;
        public int Tid;
        public int Started;
        public SemaphoreSlim Semaphore = new(0);
    }

    private sealed class WakeState
    {
        public readonly object Gate = new();
        public int Round;
        public bool Quit;
    }

    /// <summary>
    /// monitor / pulseall: waiters pinned to the other CPUs in Monitor.Wait; CPU A takes the lock,
    /// advances the predicate, stamps and pulses (Pulse must be called holding the lock).
    /// semaphoreslim: the waiter in SemaphoreSlim.Wait; CPU A stamps and calls Release.
    /// Sample = the (last) waiter's stamp when its wait returned − CPU A's stamp.
    /// </summary>
    private BenchResult Wake(string name, WakeKind kind)
    {
        var r = New(name);
        var n = kind == WakeKind.PulseAll ? cpus.Count - 1 : 1;
        var state = new WakeState();
        var waiters = Enumerable.Range(0, n).Select(i => new Waiter { Cpu = cpus[i + 1] }).ToArray();
        var threads = waiters.Select(w => new Thread(() => WaitLoop(state, w, kind)) { IsBackground = true }).ToArray();
        foreach (var t in threads)
            t.Start();
        foreach (var w in waiters)
            SpinUntil(ref w.Started, 1, "a waiter to start");

        for (var round = 1; !r.Full; round++)
        {
            var asleep = true;
            foreach (var w in waiters)
                asleep &= LinuxThreads.WaitAsleep(w.Tid);
            var t0 = Signal(state, waiters, kind, round);
            long last = long.MinValue;
            var onCpus = true;
            foreach (var w in waiters)
            {
                SpinUntil(ref w.Done, round, "a woken waiter");
                last = Math.Max(last, w.Stop);
                onCpus &= w.StopCpu == w.Cpu;
            }
            if (!r.Add(last - t0))
                continue;
            r.Expect("wake stamp taken on the woken CPU", onCpus);
            r.Expect("waiters were asleep when signalled", asleep);
        }

        lock (state.Gate)
        {
            state.Quit = true;
            state.Round++;
            Monitor.PulseAll(state.Gate);
        }
        foreach (var w in waiters)
            w.Semaphore.Release();
        foreach (var t in threads)
            t.Join();
        return r.ToResult(tscHz);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Signal(WakeState state, Waiter[] waiters, WakeKind kind, int round)
    {
        long t0;
        if (kind == WakeKind.Semaphore)
        {
            Volatile.Write(ref state.Round, round);
            t0 = Tsc.Now;
            waiters[0].Semaphore.Release();
            return t0;
        }
        lock (state.Gate)
        {
            state.Round = round;
            t0 = Tsc.Now;
            if (kind == WakeKind.PulseAll) Monitor.PulseAll(state.Gate); else Monitor.Pulse(state.Gate);
        }
        return t0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WaitLoop(WakeState state, Waiter me, WakeKind kind)
    {
        LinuxThreads.PinCurrentThread(me.Cpu);
        me.Tid = LinuxThreads.CurrentThreadId;
        if (kind == WakeKind.Semaphore)
        {
            Volatile.Write(ref me.Started, 1);
            while (true)
            {
                me.Semaphore.Wait();
                var now = Tsc.Now;
                me.Stop = now;
                me.StopCpu = LinuxThreads.CurrentCpu;
                var round = Volatile.Read(ref state.Round);
                Volatile.Write(ref me.Done, round);
                if (Volatile.Read(ref state.Quit))
                    return;
            }
        }
        lock (state.Gate)
        {
            Volatile.Write(ref me.Started, 1);
            var seen = 0;
            while (true)
            {
                while (state.Round == seen)
                    Monitor.Wait(state.Gate);
                var now = Tsc.Now;
                me.Stop = now;
                me.StopCpu = LinuxThreads.CurrentCpu;
                seen = state.Round;
                Volatile.Write(ref me.Done, seen);
                if (state.Quit)
                    return;
            }
        }
    }

    /// <summary>barrier: System.Threading.Barrier, one thread per CPU; sample = time between CPU A's consecutive departures.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BenchResult BarrierRounds()
    {
        var r = New("barrier");
        var n = cpus.Count;
        var rounds = Total + 1;
        using var barrier = new System.Threading.Barrier(n);
        var threads = Enumerable.Range(1, n - 1).Select(i => new Thread(() =>
        {
            LinuxThreads.PinCurrentThread(cpus[i]);
            for (var k = 0; k < rounds; k++)
                barrier.SignalAndWait();
        })).ToArray();
        foreach (var t in threads)
            t.Start();
        long previous = 0;
        for (var k = 0; k < rounds; k++)
        {
            barrier.SignalAndWait();
            var now = Tsc.Now;
            if (k > 0 && r.Add(now - previous))
                r.Expect("one participant per CPU", n >= 2);
            previous = now;
        }
        foreach (var t in threads)
            t.Join();
        return r.ToResult(tscHz);
    }

    private static void SpinUntil(ref int location, int value, string what)
    {
        var deadline = Environment.TickCount64 + 20_000;
        for (uint spins = 1; Volatile.Read(ref location) != value; spins++)
            if ((spins & 4095) == 0 && Environment.TickCount64 > deadline)
                throw new TimeoutException($"timed out waiting for {what}");
    }
}

/// <summary>Collects one benchmark's samples after warm-up, and its checks (the kernel's Result, in .NET).</summary>
public sealed class Recorder(string name, int samples, int warmup)
{
    private readonly long[] _samples = new long[samples];
    private readonly List<(string Name, int Passed, int Total)> _checks = [];
    private int _count, _seen;

    public bool Full => _count == _samples.Length;

    public bool Add(long cycles)
    {
        if (_seen++ < warmup || _count == _samples.Length)
            return false;
        _samples[_count++] = cycles;
        return true;
    }

    public void Expect(string check, bool passed)
    {
        var i = _checks.FindIndex(c => c.Name == check);
        if (i < 0)
        {
            _checks.Add((check, 0, 0));
            i = _checks.Count - 1;
        }
        var c = _checks[i];
        _checks[i] = (c.Name, c.Passed + (passed ? 1 : 0), c.Total + 1);
    }

    /// <summary>Counts the check once for every kept sample.</summary>
    public void ExpectAll(string check, bool passed)
    {
        for (var i = 0; i < _count; i++)
            Expect(check, passed);
    }

    public BenchResult ToResult(double tscHz, string note = "") =>
        new(name, _samples[.._count], _checks.Select(c => new BenchCheck(c.Name, c.Passed, c.Total)).ToList(), tscHz, note);
}
