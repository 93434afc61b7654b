using System;
using Nacre.Apps;
using Nacre.Runtimes.Parallel;

/// <summary>
/// NAS EP: ep [class|M] [workers]. Classes S, W, A, B are M = 24, 25, 28, 30 and are checked
/// against NAS's published sums (relative error 1e-8); T (M = 20) is a quick size for tests.
/// Under mpirun the batches are shared out across ranks and the sums are the same bits (EpRanks.cs).
/// </summary>
public static unsafe class Program
{
    public static int Main(string[] args)
    {
        if (App.Serve(args)) return 0;
        App.ParseArguments(args, "S", out string size, out int workers);
        int m = size switch { "T" => 20, "S" => 24, "W" => 25, "A" => 28, "B" => 30, _ => int.Parse(size) };
        if (m < Ep.BatchLog || m > 40) { Console.WriteLine($"ep: M={m} is outside {Ep.BatchLog}..40"); return 2; }
        App.StartMpi();
        App.StartRuntime();
        App.Say($"app: ep class={size} m={m} workers={workers} solver={App.Where}{App.RanksField}");

        Arena arena = App.CreateArena(Ep.ArenaBytes);
        EpProblem* p = Ep.Create(ref arena, m, App.Rank, App.Ranks);
        App.Solve("ep_solve", &Ep.Solve, p);

        App.PrintTime(p->Cycles);
        string counts = "";
        for (int i = 0; i < Ep.Annuli; i++) counts += (i == 0 ? "" : ",") + p->Counts[i];
        App.Say($"verify: ep m={m} sx={App.Hex(p->Sx)} sy={App.Hex(p->Sy)} pairs={p->Accepted} counts={counts}");
        App.Say($"sums: sx={App.Sci(p->Sx, 15)} sy={App.Sci(p->Sy, 15)}");
        if (!Ep.Reference(m, out double rx, out double ry))
            return App.PrintResult(p->Accepted > 0, "no pairs accepted");
        double ex = Math.Abs((p->Sx - rx) / rx), ey = Math.Abs((p->Sy - ry) / ry);
        return App.PrintResult(ex <= 1e-8 && ey <= 1e-8, $"relative errors {App.Sci(ex, 3)} {App.Sci(ey, 3)} exceed 1e-8");
    }
}
