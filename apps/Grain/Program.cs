using System;
using Nacre.Apps;
using Nacre.Runtimes.Parallel;

/// <summary>
/// Fine-grained workloads for the grain sweep (docs/runtime.md): grain fib-N-C [workers] (fib(N),
/// forking at every node down to the cutoff C) or grain stencil-G-S [workers] (S barrier steps on
/// a G×G grid). Prints the app protocol plus "grain: syncs=K", the synchronisations per worker
/// summed over workers (spawned tasks; barrier arrivals), so the host can compute the work per
/// synchronisation. Checks the parallel result against a serial run (the same bits).
/// </summary>
public static unsafe class Program
{
    public static int Main(string[] args)
    {
        App.ParseArguments(args, "fib-30-12", out string size, out int workers);
        string[] parts = size.Split('-');
        if (parts.Length != 3 || !int.TryParse(parts[1], out int a) || !int.TryParse(parts[2], out int b) || a < 1 || b < 1)
        {
            Console.WriteLine($"grain: size {size} is not fib-N-C or stencil-G-S");
            return 2;
        }
        if (parts[0] == "fib" && a <= 60) return RunFib(a, b, workers);
        if (parts[0] == "stencil" && a >= 3 && a <= 4096) return RunStencil(a, b, workers);
        Console.WriteLine($"grain: unknown workload {size} (fib-N-C with N ≤ 60, stencil-G-S with 3 ≤ G ≤ 4096)");
        return 2;
    }

    private static int RunFib(int n, int cutoff, int workers)
    {
        Runtime.Start(workers);
        Console.WriteLine($"app: grain fib n={n} cutoff={cutoff} workers={workers}");
        ulong cycles = Fib.Solve(n, cutoff, out long result);
        App.PrintTime(cycles);
        long spawns = Fib.Spawns(n, cutoff);
        Console.WriteLine($"grain: syncs={(spawns > 0 ? spawns : 1)}");
        Console.WriteLine($"verify: fib n={n} result={result}");
        long exact = Fib.Exact(n);
        return App.PrintResult(result == exact, $"fib({n}) = {exact}, the parallel run gave {result}");
    }

    private static int RunStencil(int g, int steps, int workers)
    {
        Runtime.Start(workers);
        Console.WriteLine($"app: grain stencil grid={g}x{g} steps={steps} workers={workers}");
        double* grids = Stencil.Create(g);
        ulong cycles = Stencil.Solve(grids, g, steps);
        App.PrintTime(cycles);
        Console.WriteLine($"grain: syncs={(long)steps * workers}");
        double* result = Stencil.Result(grids, g, steps);
        double sum = 0;
        for (long i = 0; i < (long)g * g; i++) sum += result[i];
        Console.WriteLine($"verify: stencil grid={g} steps={steps} sum={App.Hex(sum)}");

        double* serial = Stencil.Create(g);
        Stencil.SolveSerially(serial, g, steps);
        double* expected = Stencil.Result(serial, g, steps);
        long mismatches = 0;
        for (long i = 0; i < (long)g * g; i++) if (result[i] != expected[i]) mismatches++;
        return App.PrintResult(mismatches == 0, $"{mismatches} cells differ from the serial run");
    }
}
