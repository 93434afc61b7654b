namespace Nacre.Host.Bench;

/// <summary>A row of a primitive's table: one source's result and its statistics.</summary>
public sealed record Row(SourceRef Source, BenchResult Result, double? FloorMultiple)
{
    public Statistics Stats => Result.Statistics;
}

public enum GoalStatus { Met, NotMet, NotJudged, NotMeasured }

public sealed record GoalVerdict(Goal Goal, GoalStatus Status, double? Value, string Detail)
{
    public string StatusText => Status switch
    {
        GoalStatus.Met => "met",
        GoalStatus.NotMet => "NOT MET",
        GoalStatus.NotJudged => "not judged",
        _ => "not measured",
    };
}

/// <summary>One primitive's rows, its Linux/Nacre ratios and its goals' verdicts.</summary>
public sealed record PrimitiveReport(Primitive Primitive, IReadOnlyList<Row> Rows, double? LinuxOverNacreMedian, double? LinuxOverNacreP99, IReadOnlyList<GoalVerdict> Goals)
{
    public Row? Nacre => Rows.FirstOrDefault(r => r.Source.Origin == Origin.Nacre);
}

/// <summary>
/// Everything one `nacre bench` run measured: the kernel's output, the C baseline's, the .NET
/// results, and the judgement. Numbers are judged only when the kernel ran natively (HVM, or
/// QEMU over KVM): under QEMU's TCG the guest's cycles are an emulator's, so the run is
/// "functional only" and no ratio, floor multiple or goal verdict is produced.
/// </summary>
public sealed class BenchSession(BenchOutput nacre, BenchOutput? linux, IReadOnlyList<BenchResult> dotnet, double hostTscHz,
    IReadOnlyList<Primitive>? primitives = null, BenchLabels? labels = null)
{
    /// <summary>The primitives this session reports: `nacre bench`'s by default, `nacre bench dotnet`'s there.</summary>
    public IReadOnlyList<Primitive> Primitives { get; } = primitives ?? Bench.Primitives.All;

    public BenchLabels Labels { get; } = labels ?? BenchLabels.Kernel;

    public BenchOutput NacreOutput => nacre;
    public BenchOutput? LinuxOutput => linux;
    public IReadOnlyList<BenchResult> DotNet => dotnet;
    public double HostTscHz => hostTscHz;

    public string Mode => nacre.Mode;

    public bool FunctionalOnly => IsFunctionalOnly(Mode);

    public static bool IsFunctionalOnly(string mode) => !(mode.StartsWith("hvm-", StringComparison.Ordinal) || mode.StartsWith("kvm-", StringComparison.Ordinal) || mode.StartsWith("bare-metal-", StringComparison.Ordinal));

    public BenchResult? Find(SourceRef source) => source.Origin switch
    {
        Origin.Nacre => nacre.Find(source.Name),
        Origin.Linux => linux?.Find(source.Name),
        _ => dotnet.FirstOrDefault(r => r.Name == source.Name),
    };

    /// <summary>The floor (cache-line round trip) median of one origin, if measured.</summary>
    public long? FloorMedian(Origin origin)
    {
        var floor = Primitives.FirstOrDefault(p => p.Id == Bench.Primitives.FloorId)?.Sources.FirstOrDefault(s => s.Origin == origin);
        return floor is null ? null : Find(floor)?.Statistics.Median;
    }

    public IReadOnlyList<PrimitiveReport> Reports() => Primitives.Select(Report).ToList();

    public PrimitiveReport Report(Primitive primitive)
    {
        var rows = new List<Row>();
        foreach (var source in primitive.Sources)
        {
            var result = Find(source);
            if (result is null || result.Samples.Length == 0)
                continue;
            double? multiple = null;
            if (!FunctionalOnly && primitive.CrossCpu && primitive.Id != Bench.Primitives.FloorId && FloorMedian(source.Origin) is { } floor && floor > 0)
                multiple = (double)result.Statistics.Median / floor;
            rows.Add(new Row(source, result, multiple));
        }
        var n = rows.FirstOrDefault(r => r.Source.Origin == Origin.Nacre);
        var l = rows.FirstOrDefault(r => r.Source.Origin == Origin.Linux);
        double? medianRatio = null, p99Ratio = null;
        if (!FunctionalOnly && n is not null && l is not null && n.Stats.Median > 0 && n.Stats.P99 > 0)
        {
            medianRatio = (double)l.Stats.Median / n.Stats.Median;
            p99Ratio = (double)l.Stats.P99 / n.Stats.P99;
        }
        var goals = primitive.Goals.Select(g => Judge(g, primitive, n, medianRatio)).ToList();
        return new PrimitiveReport(primitive, rows, medianRatio, p99Ratio, goals);
    }

    private GoalVerdict Judge(Goal goal, Primitive primitive, Row? nacreRow, double? linuxOverNacre)
    {
        if (goal.Kind == GoalKind.NotMeasurable)
            return new GoalVerdict(goal, GoalStatus.NotMeasured, null, "this run cannot measure it");
        if (nacreRow is null)
            return new GoalVerdict(goal, GoalStatus.NotMeasured, null, "the kernel benchmark did not run");
        var s = nacreRow.Stats;
        double? value = goal.Kind switch
        {
            GoalKind.FloorMultiple => FloorMedian(Origin.Nacre) is { } f && f > 0 ? (double)s.Median / f : null,
            GoalKind.MaxCycles => s.Median,
            GoalKind.TailRatio => s.TailRatio,
            GoalKind.LinuxFactor => FunctionalOnly ? null : linuxOverNacre,
            GoalKind.SlowdownAtMost => FunctionalOnly || linuxOverNacre is not > 0 ? null : 1 / linuxOverNacre,
            _ => null,
        };
        if (FunctionalOnly)
            return new GoalVerdict(goal, GoalStatus.NotJudged, value, "functional only (QEMU TCG): cycles are an emulator's");
        if (value is null)
            return new GoalVerdict(goal, GoalStatus.NotMeasured, null, goal.Kind is GoalKind.LinuxFactor or GoalKind.SlowdownAtMost ? "no Linux baseline in this run" : "no floor in this run");
        var met = goal.Kind == GoalKind.LinuxFactor ? value >= goal.Limit : value <= goal.Limit;
        return new GoalVerdict(goal, met ? GoalStatus.Met : GoalStatus.NotMet, value, "");
    }
}

/// <summary>How a session names its two measured sides in the report (the kernel vs Linux C, or an HRT vs a Linux process).</summary>
public sealed record BenchLabels(string Title, string Ratio, string GoalsHeading)
{
    public static readonly BenchLabels Kernel = new("Nacre benchmarks", "Linux/Nacre", "goals, judged on Nacre's medians");
}
