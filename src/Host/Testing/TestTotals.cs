namespace Nacre.Host.Testing;

/// <summary>The counts behind the closing line of <c>nacre test</c>.</summary>
public sealed record TestTotals(int Passed, int Failed, int Skipped)
{
    public static TestTotals Zero { get; } = new(0, 0, 0);

    public TestTotals Add(int passed, int failed, int skipped = 0) =>
        new(Passed + passed, Failed + failed, Skipped + skipped);

    /// <summary>The plain closing line CI reads: "N passed, M failed" (", K skipped" if any).</summary>
    public override string ToString() =>
        $"{Passed} passed, {Failed} failed" + (Skipped > 0 ? $", {Skipped} skipped" : "");
}
