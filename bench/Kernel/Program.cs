using System.Collections.Generic;
using Nacre.Bench;

/// <summary>
/// The benchmark HRT. Arguments (after the kernel's own, e.g. `deprivileged`):
///   samples=N   samples kept per benchmark (default 1000)
///   warmup=N    samples run and discarded first (default 100)
///   only=a,b    run the benchmarks whose name starts with one of these prefixes
///   list        print the benchmark names and exit
/// Output: see Report. Exit code 0, or 1 when a benchmark's self-check failed.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var config = new Config();
        var only = new List<string>();
        string onlyText = "";
        bool list = false;
        foreach (string arg in args)
        {
            if (arg.StartsWith("samples=")) config.Samples = Number(arg, 8, 1);
            else if (arg.StartsWith("warmup=")) config.Warmup = Number(arg, 7, 0);
            else if (arg.StartsWith("only="))
            {
                onlyText = arg.Substring(5);
                foreach (string p in onlyText.Split(',')) if (p.Length > 0) only.Add(p);
            }
            else if (arg == "list") list = true;
            else { System.Console.WriteLine("bench: unknown argument " + arg); return 2; }
        }

        List<Entry> all = Catalog.All();
        if (list)
        {
            foreach (Entry e in all) System.Console.WriteLine(e.Name);
            return 0;
        }

        Report.Info(config, onlyText);
        int results = 0, failed = 0;
        foreach (Entry e in all)
        {
            if (!Catalog.Selected(e.Name, only)) continue;
            if (Nacre.Cpus.Cpus.Count < e.MinCpus)
            {
                Report.Skip(e.Name, "needs " + e.MinCpus.ToString() + " CPUs");
                continue;
            }
            if (e.Available != null && !e.Available())
            {
                Report.Skip(e.Name, e.UnavailableReason);
                continue;
            }
            foreach (Result r in Catalog.Run(e, config))
            {
                Report.Write(r);
                results++;
                if (!r.AllChecksPassed) failed++;
            }
        }
        Report.End(results, failed);
        return failed == 0 ? 0 : 1;
    }

    private static int Number(string arg, int start, int min)
    {
        int value = 0;
        for (int i = start; i < arg.Length; i++)
        {
            char c = arg[i];
            if (c < '0' || c > '9') { System.Console.WriteLine("bench: not a number: " + arg); System.Environment.Exit(2); }
            value = value * 10 + (c - '0');
        }
        return value < min ? min : value;
    }
}
