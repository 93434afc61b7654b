using Nacre.Apps;

/// <summary>The HVM path: Invoke("cg_solve", problem) solves a CgProblem the Linux process built in the arena. Returns the cycles spent.</summary>
public static unsafe class CgExports
{
    [Nacre.HrtExport("cg_solve")]
    public static long Solve(CgProblem* problem)
    {
        Cg.Solve(problem);
        return (long)problem->Cycles;
    }
}
