using Nacre.Apps;

/// <summary>The HVM path: Invoke("circuit_solve", problem) runs the loops of a CircuitProblem the Linux process built in the arena. Returns the cycles spent.</summary>
public static unsafe class CircuitExports
{
    [Nacre.HrtExport("circuit_solve")]
    public static long Solve(CircuitProblem* problem)
    {
        Circuit.Solve(problem);
        return (long)problem->Cycles;
    }
}
