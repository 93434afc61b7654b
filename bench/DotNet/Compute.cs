using Nacre.Host.Bench;

namespace Nacre.Bench.DotNet;

/// <summary>
/// Compute-bound kernels on one thread, no allocation, no runtime calls inside the timed part:
/// what "compute within 2% of Linux" is judged on. Each sample's result is checked against the
/// first one (the same arithmetic every time); the checksum is in the note so the host can compare
/// the two sides.
/// </summary>
public static class Compute
{
    private const int N = 128;

    public static Result MatrixMultiply(Options o)
    {
        var a = new double[N * N];
        var b = new double[N * N];
        var c = new double[N * N];
        for (var i = 0; i < N * N; i++)
        {
            a[i] = (i % 17) * 0.25 - 2;
            b[i] = (i % 13) * 0.5 - 3;
        }
        var samples = new Samples(o.WarmupScaled(20), o.Scaled(20));
        double first = double.NaN;
        var same = 0;
        while (samples.Count < samples.Total)
        {
            var t0 = Tsc.Now;
            Multiply(a, b, c);
            var t1 = Tsc.Now;
            var sum = 0.0;
            foreach (var v in c)
                sum += v;
            if (double.IsNaN(first))
                first = sum;
            if (samples.Warm && sum == first)
                same++;
            samples.Add(t1 - t0);
        }
        var kept = samples.Kept;
        return new Result("compute.matmul", kept, [new Check("same result every time", same, kept.Length)],
            $"dense {N}x{N} double matrix multiply (i-k-j); checksum {first:R}");
    }

    private static void Multiply(double[] a, double[] b, double[] c)
    {
        Array.Clear(c);
        for (var i = 0; i < N; i++)
            for (var k = 0; k < N; k++)
            {
                var aik = a[i * N + k];
                var row = b.AsSpan(k * N, N);
                var target = c.AsSpan(i * N, N);
                for (var j = 0; j < N; j++)
                    target[j] += aik * row[j];
            }
    }

    public static Result IntegerHash(Options o)
    {
        var samples = new Samples(o.WarmupScaled(20), o.Scaled(20));
        ulong first = 0;
        var same = 0;
        while (samples.Count < samples.Total)
        {
            var t0 = Tsc.Now;
            var h = Hash(1_000_000);
            var t1 = Tsc.Now;
            if (samples.Count == 0)
                first = h;
            if (samples.Warm && h == first)
                same++;
            samples.Add(t1 - t0);
        }
        var kept = samples.Kept;
        return new Result("compute.hash", kept, [new Check("same result every time", same, kept.Length)],
            $"1,000,000 rounds of xorshift-multiply on registers; checksum {first}");
    }

    private static ulong Hash(int rounds)
    {
        ulong x = 0x9E3779B97F4A7C15;
        for (var i = 0; i < rounds; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x *= 0xD6E8FEB86659FD93;
        }
        return x;
    }
}
