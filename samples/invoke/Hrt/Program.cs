using System;
using Nacre;
using Nacre.Threads;

/// <summary>
/// Runs as a kernel on the HVM's cores. Main only reports; the work is in the exports, which the
/// Linux process calls with pointers into the arena — memory both sides see at the same address.
/// </summary>
public static unsafe class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine($"invoke HRT: {Nacre.Cpus.Cpus.Count} CPU(s) ready to serve");
        return 0;
    }

    /// <summary>a · b over n doubles, on one core.</summary>
    [HrtExport]
    public static double Dot(double* a, double* b, long n)
    {
        double s = 0;
        for (long i = 0; i < n; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>
    /// Counts n bytes into 256 bins, splitting the data over a kernel thread per core; each
    /// thread counts privately and the partial histograms are added at the join. Returns n.
    /// Allocation-free (there is no GC: a `new` per call would never be given back).
    /// </summary>
    [HrtExport]
    public static long Histogram(byte* data, long n, long* bins)
    {
        int cpus = Nacre.Cpus.Cpus.Count;
        Share* shares = stackalloc Share[cpus];
        Thread** threads = stackalloc Thread*[cpus];
        for (int c = 0; c < cpus; c++)
        {
            shares[c].Data = data;
            shares[c].From = n * c / cpus;
            shares[c].To = n * (c + 1) / cpus;
            threads[c] = Thread.Launch(&CountShare, &shares[c], c);
        }
        for (int b = 0; b < 256; b++) bins[b] = 0;
        for (int c = 0; c < cpus; c++)
        {
            Thread.Join(threads[c]);
            for (int b = 0; b < 256; b++) bins[b] += shares[c].Bins[b];
        }
        return n;
    }

    private struct Share
    {
        public byte* Data;
        public long From, To;
        public fixed long Bins[256];
    }

    private static long CountShare(void* argument)
    {
        Share* share = (Share*)argument;
        for (int b = 0; b < 256; b++) share->Bins[b] = 0;
        for (long i = share->From; i < share->To; i++) share->Bins[share->Data[i]]++;
        return 0;
    }

    /// <summary>Which core ran the call (InvokeAll runs it on each).</summary>
    [HrtExport]
    public static long Core() => Nacre.Cpus.Cpus.Current->Index;
}
