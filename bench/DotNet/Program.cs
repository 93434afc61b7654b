using System.Runtime;
using Nacre.Host.Bench;

namespace Nacre.Bench.DotNet;

/// <summary>
/// The .NET runtime's primitives timed with rdtsc, printed in the line format of the kernel's
/// benchmark image (docs/benchmarks.md): BENCH-INFO, one BENCH line per result with every raw
/// sample, BENCH-END. `nacre bench dotnet` runs this very binary as a Linux process and as an HRT
/// and computes every statistic on the host. Arguments: samples=N warmup=N only=a,b list.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"dotnet-bench: {e.Message}");
            return 2;
        }
        if (options.List)
        {
            foreach (var benchmark in Suite.All)
                Console.WriteLine(benchmark.Name);
            return 0;
        }
        if (!Tsc.Available)
        {
            Console.Error.WriteLine("dotnet-bench: the rdtsc stub could not be mapped (x86-64 Linux only)");
            return 2;
        }

        var hz = Tsc.MeasureHz(TimeSpan.FromMilliseconds(50));
        var cpus = Affinity.AllowedCpus();
        Output.Info(new()
        {
            ["mode"] = "process",
            ["cpus"] = Environment.ProcessorCount,
            ["allowed_cpus"] = cpus.Count,
            ["tsc_hz"] = Math.Round(hz),
            ["tsc_source"] = "stopwatch",
            ["samples"] = options.Samples,
            ["warmup"] = options.Warmup,
            ["only"] = options.Only,
            ["gc"] = (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent"),
        });

        int results = 0, failed = 0;
        foreach (var benchmark in Suite.All.Where(b => options.Selects(b.Name)))
        {
            if (benchmark.NeedsTwoCpus && cpus.Count < 2)
            {
                Output.Skip(benchmark.Name, "needs 2 CPUs");
                continue;
            }
            foreach (var result in benchmark.Run(options, cpus))
            {
                Output.Result(result);
                results++;
                if (result.Checks.Any(c => c.Passed != c.Total))
                    failed++;
            }
        }
        Output.End(results, failed);
        return 0;
    }
}
