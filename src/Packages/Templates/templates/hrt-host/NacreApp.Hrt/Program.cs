using Nacre;

/// <summary>
/// Runs as a kernel on the HVM's cores. Main reports and returns; the HRT then serves calls to
/// its exports, which take pointers into the arena: memory the Linux program and the HRT see at
/// the same addresses.
/// </summary>
public static unsafe class Program
{
    public static int Main(string[] args)
    {
        System.Console.WriteLine($"NacreApp.Hrt ready on {Nacre.Cpus.Cpus.Count} CPU(s)");
        return 0;
    }

    /// <summary>The sum of n longs at values.</summary>
    [HrtExport]
    public static long Sum(long* values, long n)
    {
        long sum = 0;
        for (long i = 0; i < n; i++) sum += values[i];
        return sum;
    }
}
