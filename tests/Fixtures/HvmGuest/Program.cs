using System;
using Nacre;
using Nacre.Threads;

/// <summary>
/// Exports for the HVM host tests. Main prints a line (console check) and returns 7 (the value
/// the host sees as Main's result when the HRT serves invokes).
/// </summary>
public static unsafe class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine($"hvm guest: main on {Nacre.Cpus.Cpus.Count} CPUs, args [{string.Join(",", args)}]");
        return 7;
    }

    [HrtExport] public static void Empty() { }

    [HrtExport] public static long Add(long a, long b) => a + b;

    [HrtExport] public static int CpuIndex() => Nacre.Cpus.Cpus.Current->Index;

    /// <summary>Sums n longs the host wrote at data (an arena address: the same on both sides).</summary>
    [HrtExport] public static long Sum(long* data, long n)
    {
        long s = 0;
        for (long i = 0; i < n; i++) s += data[i];
        return s;
    }

    /// <summary>data[i] = data[i] × factor + i, in place; returns the new sum (a double result).</summary>
    [HrtExport] public static double ScaleAndSum(double* data, long n, double factor)
    {
        double s = 0;
        for (long i = 0; i < n; i++) { data[i] = data[i] * factor + i; s += data[i]; }
        return s;
    }

    /// <summary>Sums with a kernel thread per CPU, each over its share: invoke may use the Aerokernel.</summary>
    [HrtExport] public static long ParallelSum(long* data, long n)
    {
        int cpus = Nacre.Cpus.Cpus.Count;
        var threads = new Thread*[cpus];
        var sums = new long[cpus];
        for (int c = 0; c < cpus; c++)
        {
            int me = c;
            long from = n * me / cpus, to = n * (me + 1) / cpus;
            threads[c] = Thread.Launch(() => { long s = 0; for (long i = from; i < to; i++) s += data[i]; sums[me] = s; }, me);
        }
        long total = 0;
        for (int c = 0; c < cpus; c++) { Thread.Join(threads[c]); total += sums[c]; }
        return total;
    }

    [HrtExport] public static void Print(long value) => Console.WriteLine($"hvm guest: print {value}");

    [HrtExport] public static void Panic() => Environment.FailFast("guest panic on request");

    // An exception nothing in the guest catches: the host gets it as an HrtGuestException.
    [HrtExport] public static long Throw(long n) => Thrower(n) + 1;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long Thrower(long n) => throw new InvalidOperationException($"guest exception {n}");

    [HrtExport] public static long Fault(long address) => *(long*)address;

    [HrtExport] public static void Spin() { while (true) { } }

    [HrtExport] public static void Exit(long code) => Environment.Exit((int)code);
}
