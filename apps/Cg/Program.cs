using System;
using Nacre.Apps;
using Nacre.Runtimes.Parallel;

/// <summary>
/// HPCG-style conjugate gradients: cg [test|small|large|N] [workers] solves on an N×N×N grid
/// (test 16, small 32, large 64) to a relative residual of 1e-10 and checks x against the
/// exact solution (all ones). Under mpirun each rank solves a slab of z-planes (CgRanks.cs).
/// </summary>
public static unsafe class Program
{
    public static int Main(string[] args)
    {
        if (App.Serve(args)) return 0;
        App.ParseArguments(args, "small", out string size, out int workers);
        int n = size switch { "test" => 16, "small" => 32, "large" => 64, _ => int.Parse(size) };
        if (n < 2 || n > 256) { Console.WriteLine($"cg: grid {n} is outside 2..256"); return 2; }
        App.StartMpi();
        if (n < App.Ranks) { App.Say($"cg: grid {n} has fewer z-planes than the {App.Ranks} ranks"); return 2; }
        App.StartRuntime();
        App.Say($"app: cg size={size} grid={n}x{n}x{n} workers={workers} solver={App.Where}{App.RanksField}");

        Cg.Slab(n, App.Rank, App.Ranks, out _, out int planes);
        Arena arena = App.CreateArena(Cg.ArenaBytes(n, n, planes));
        CgProblem* p = Cg.Create(ref arena, n, n, n, App.Rank, App.Ranks);
        App.Solve("cg_solve", &Cg.Solve, p);

        App.PrintTime(p->Cycles);
        // Team loops (every worker joins each): 3 before the iterations, 24 per iteration (SymGS 17).
        Console.WriteLine($"grain: syncs={(3L + 24L * p->Iterations) * workers}");
        Cg.Check(p, out double error, out double sum);
        App.Say($"verify: cg grid={n} iterations={p->Iterations} residual={App.Hex(p->FinalResidual)} initial={App.Hex(p->InitialResidual)} xsum={App.Hex(sum)}");
        App.Say($"residual: {App.Sci(p->FinalResidual / p->InitialResidual, 6)} relative after {p->Iterations} iterations; max |x-1| = {App.Sci(error, 6)}");
        bool converged = p->FinalResidual / p->InitialResidual <= p->Tolerance;
        return App.PrintResult(converged && error < 1e-6, $"converged={converged} max|x-1|={App.Sci(error, 6)}");
    }
}
