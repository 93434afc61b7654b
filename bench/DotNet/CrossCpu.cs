using System.Runtime.InteropServices;
using Nacre.Host.Bench;

namespace Nacre.Bench.DotNet;

/// <summary>
/// Round trips between two threads pinned to two CPUs (A measures, B answers): the cache-line
/// floor, SemaphoreSlim and Monitor wait/pulse. A sample is one whole round trip, stamped on A:
/// two cross-CPU wake-ups through the runtime's primitive (the primitives may spin briefly
/// before they block, on both sides alike).
/// </summary>
public static class CrossCpu
{
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct PaddedFlag
    {
        [FieldOffset(64)] public long Value;
    }

    public static Result CacheLine(Options o, int a, int b)
    {
        var flag = new PaddedFlag[1];
        var stop = new bool[1];
        return Pair("pingpong", o, a, b,
            samples =>
            {
                for (long i = 0; samples.Count < samples.Total; i++)
                {
                    var t0 = Tsc.Now;
                    Volatile.Write(ref flag[0].Value, 2 * i + 1);
                    while (Volatile.Read(ref flag[0].Value) != 2 * i + 2) { }
                    samples.Add(Tsc.Now - t0);
                }
            },
            () =>
            {
                while (!Volatile.Read(ref stop[0]))
                {
                    var v = Volatile.Read(ref flag[0].Value);
                    if ((v & 1) != 0)
                        Volatile.Write(ref flag[0].Value, v + 1);
                }
            },
            () => Volatile.Write(ref stop[0], true),
            "spinning on one cache line, no pause instruction");
    }

    public static Result SemaphoreSlimPingPong(Options o, int a, int b)
    {
        var ping = new SemaphoreSlim(0);
        var pong = new SemaphoreSlim(0);
        var stop = new bool[1];
        return Pair("semaphoreslim", o, a, b,
            samples =>
            {
                while (samples.Count < samples.Total)
                {
                    var t0 = Tsc.Now;
                    ping.Release();
                    pong.Wait();
                    samples.Add(Tsc.Now - t0);
                }
            },
            () =>
            {
                while (true)
                {
                    ping.Wait();
                    if (Volatile.Read(ref stop[0]))
                        return;
                    pong.Release();
                }
            },
            () =>
            {
                Volatile.Write(ref stop[0], true);
                ping.Release();
            },
            "Release on A → Wait returns on B → Release on B → Wait returns on A");
    }

    public static Result MonitorPingPong(Options o, int a, int b)
    {
        var gate = new object();
        var turn = new int[1]; // 0: A's turn, 1: B's turn, 2: B stops
        return Pair("monitor", o, a, b,
            samples =>
            {
                lock (gate)
                {
                    while (samples.Count < samples.Total)
                    {
                        var t0 = Tsc.Now;
                        turn[0] = 1;
                        Monitor.Pulse(gate);
                        while (turn[0] != 0)
                            Monitor.Wait(gate);
                        samples.Add(Tsc.Now - t0);
                    }
                }
            },
            () =>
            {
                lock (gate)
                {
                    while (true)
                    {
                        while (turn[0] == 0)
                            Monitor.Wait(gate);
                        if (turn[0] == 2)
                            return;
                        turn[0] = 0;
                        Monitor.Pulse(gate);
                    }
                }
            },
            () =>
            {
                lock (gate)
                {
                    turn[0] = 2;
                    Monitor.Pulse(gate);
                }
            },
            "Pulse on A (inside the lock) → Wait returns on B → Pulse on B → Wait returns on A");
    }

    /// <summary>
    /// Runs the responder on CPU b and the measuring loop on CPU a, then stops the responder.
    /// Check: both threads were still on their CPUs when the loop ended (they were pinned there).
    /// </summary>
    private static Result Pair(string name, Options o, int a, int b, Action<Samples> measure, Action respond, Action stop, string note)
    {
        var samples = new Samples(o.Warmup, o.Samples);
        var responderCpu = new int[1];
        var requesterCpu = new int[1];
        var responder = Affinity.StartOn(b, () =>
        {
            respond();
            responderCpu[0] = Affinity.CurrentCpu();
        }, name + "-B");
        var requester = Affinity.StartOn(a, () =>
        {
            measure(samples);
            requesterCpu[0] = Affinity.CurrentCpu();
        }, name + "-A");
        requester.Join();
        stop();
        responder.Join();
        var kept = samples.Kept;
        var placed = requesterCpu[0] == a && responderCpu[0] == b ? kept.Length : 0;
        return new Result(name, kept, [new Check($"A on CPU {a} and B on CPU {b} throughout", placed, kept.Length)], note);
    }
}
