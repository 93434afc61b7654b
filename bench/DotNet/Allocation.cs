using Nacre.Host.Bench;

namespace Nacre.Bench.DotNet;

/// <summary>
/// The GC: allocation throughput of small objects and the pause of a forced gen0 and a forced
/// full (compacting) collection. Every sample is the same work on both sides; the GC decides
/// by itself when allocation triggers a gen0 collection, which shows in alloc's tail.
/// </summary>
public static class Allocation
{
    private sealed class Small
    {
        public long A, B;  // 16 bytes of fields: a 32-byte object with its header and type pointer
    }

    public const int PerSample = 1000;

    public static Result Throughput(Options o)
    {
        var ring = new object[4096];
        var samples = new Samples(o.Warmup, o.Samples);
        var slot = 0;
        while (samples.Count < samples.Total)
        {
            var t0 = Tsc.Now;
            for (var k = 0; k < PerSample; k++)
                ring[slot++ & 4095] = new Small { A = k };
            samples.Add(Tsc.Now - t0);
        }
        GC.KeepAlive(ring);
        return new Result("alloc", samples.Kept, [], $"{PerSample:N0} allocations of a 32-byte object (the last 4,096 kept alive)");
    }

    public static Result Gen0Pause(Options o)
    {
        var survivors = new object[1024];
        var samples = new Samples(o.WarmupScaled(1), o.Samples);
        var collected = 0;
        while (samples.Count < samples.Total)
        {
            // 256 KiB of fresh objects, one in eight still referenced: gen0 has work to promote.
            for (var k = 0; k < 8192; k++)
            {
                var item = new Small { A = k };
                if ((k & 7) == 0)
                    survivors[(k >> 3) & 1023] = item;
            }
            var before = GC.CollectionCount(0);
            var t0 = Tsc.Now;
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            var t1 = Tsc.Now;
            if (samples.Warm && GC.CollectionCount(0) > before)
                collected++;
            samples.Add(t1 - t0);
        }
        GC.KeepAlive(survivors);
        var kept = samples.Kept;
        return new Result("gc.gen0", kept, [new Check("a gen0 collection happened", collected, kept.Length)],
            "GC.Collect(0, Forced) after 256 KiB of fresh objects, 1/8 of them live");
    }

    public static Result FullPause(Options o)
    {
        // A live set of 100,000 small objects (~3 MiB) in 100 arrays, plus 1 MiB of garbage per sample.
        var live = new Small[100][];
        for (var i = 0; i < live.Length; i++)
        {
            live[i] = new Small[1000];
            for (var j = 0; j < 1000; j++)
                live[i][j] = new Small { A = i, B = j };
        }
        var samples = new Samples(o.WarmupScaled(10), o.Scaled(10));
        var collected = 0;
        while (samples.Count < samples.Total)
        {
            for (var k = 0; k < 32768; k++)
                _ = new Small { A = k };
            var before = GC.CollectionCount(2);
            var t0 = Tsc.Now;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var t1 = Tsc.Now;
            if (samples.Warm && GC.CollectionCount(2) > before)
                collected++;
            samples.Add(t1 - t0);
        }
        GC.KeepAlive(live);
        var kept = samples.Kept;
        return new Result("gc.full", kept, [new Check("a full collection happened", collected, kept.Length)],
            "GC.Collect(2, Forced, compacting) with 100,000 live 32-byte objects");
    }
}
