using System.Globalization;
using System.Text;

namespace Nacre.Host.Bench;

/// <summary>The human-readable tables of `nacre bench` (one per primitive, then the goals).</summary>
public static class BenchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Lines(BenchSession session)
    {
        var lines = new List<string>();
        var info = session.NacreOutput;
        lines.Add($"{session.Labels.Title}: mode {session.Mode}, {info.Cpus} CPUs, TSC {info.TscHz / 1e6:0} MHz ({info.InfoString("tsc_source")}); "
                  + (session.HostTscHz > 0 ? $"Linux host TSC {session.HostTscHz / 1e6:0} MHz; " : "") + $"{info.Info.GetValueOrDefault("samples")} samples after {info.Info.GetValueOrDefault("warmup")} warm-up each");
        if (session.FunctionalOnly)
            lines.Add("FUNCTIONAL ONLY: the kernel ran under QEMU's TCG emulator, so its cycle counts say nothing about speed; no ratios, floor multiples or goal verdicts. Run with --hvm (or --qemu --accel kvm on a VT-x host) for numbers.");
        lines.Add("All values in TSC cycles unless marked ns; ×floor = median / the same source's cache-line round trip.");

        foreach (var report in session.Reports())
        {
            if (report.Rows.Count == 0 && !report.Primitive.Goals.Any(g => g.Kind == GoalKind.NotMeasurable))
                continue;
            lines.Add("");
            lines.Add($"== {report.Primitive.Title}  [{report.Primitive.Id}]");
            if (report.Rows.Count > 0)
            {
                lines.Add(Header(session.FunctionalOnly));
                foreach (var row in report.Rows)
                {
                    lines.Add(Format(row, session.FunctionalOnly));
                    foreach (var check in row.Result.Checks.Where(c => !c.Ok))
                        lines.Add($"   ! {row.Source.Label} self-check failed: {check.Name} ({check.Passed}/{check.Total}): this result does not measure what it claims");
                }
            }
            else
                lines.Add("   not measured in this run: " + string.Join("; ", report.Primitive.Goals.Select(g => g.Text)));
            if (report.LinuxOverNacreMedian is { } m && report.LinuxOverNacreP99 is { } p)
                lines.Add($"   {session.Labels.Ratio}: median {Ratio(m)}, p99 {Ratio(p)}");
            foreach (var goal in session.FunctionalOnly ? [] : report.Goals)
                lines.Add($"   goal: {goal.Goal.Text}: {goal.StatusText}{GoalValue(goal)}{(goal.Detail.Length > 0 && goal.Status != GoalStatus.NotJudged ? " (" + goal.Detail + ")" : "")}");
        }

        lines.Add("");
        lines.Add($"== {session.Labels.GoalsHeading}");
        var all = session.Reports().SelectMany(r => r.Goals.Select(g => (r.Primitive.Id, g))).ToList();
        if (session.FunctionalOnly)
            lines.Add("   not judged: functional only (QEMU TCG)");
        else
        {
            foreach (var (id, goal) in all)
                lines.Add($"   {id,-16} {goal.Goal.Text,-52} {goal.StatusText}{GoalValue(goal)}");
            lines.Add($"   {all.Count(g => g.g.Status == GoalStatus.Met)} met, {all.Count(g => g.g.Status == GoalStatus.NotMet)} not met, {all.Count(g => g.g.Status == GoalStatus.NotMeasured)} not measured");
        }
        return lines;
    }

    // Columns: a label, then right-aligned values, each preceded by at least one space.
    private static readonly int[] Widths = [11, 11, 11, 13, 12, 7, 11, 11, 9];

    private static string Header(bool functionalOnly)
    {
        string[] names = ["min", "median", "p99", "max", "stddev", "CV", "median ns", "p99 ns", "×floor"];
        return $"   {"source",-20}" + Columns(functionalOnly ? names[..^1] : names);
    }

    private static string Format(Row row, bool functionalOnly)
    {
        var s = row.Stats;
        var r = row.Result;
        List<string> values =
        [
            Cycles(s.Min), Cycles(s.Median), Cycles(s.P99), Cycles(s.Max), Cycles((long)Math.Round(s.StdDev)),
            s.Cv.ToString("0.00", Invariant), Ns(r.ToNs(s.Median)), Ns(r.ToNs(s.P99)),
        ];
        if (!functionalOnly)
            values.Add(row.FloorMultiple is { } f ? f.ToString("0.00", Invariant) + "×" : "");
        return $"   {row.Source.Label,-20}" + Columns(values);
    }

    private static string Columns(IReadOnlyList<string> values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
            text.Append(' ').Append(values[i].PadLeft(Widths[i] - 1));
        return text.ToString();
    }

    private static string Cycles(long value) => value.ToString("N0", Invariant);

    private static string Ns(double ns) => double.IsNaN(ns) ? "?" : Math.Abs(ns) >= 100 ? ns.ToString("N0", Invariant) : ns.ToString("0.0", Invariant);

    private static string Ratio(double r) => r >= 10 ? r.ToString("N0", Invariant) + "×" : r.ToString("0.00", Invariant) + "×";

    private static string GoalValue(GoalVerdict goal)
    {
        if (goal.Value is not { } v)
            return "";
        var text = goal.Goal.Kind switch
        {
            GoalKind.FloorMultiple => v.ToString("0.00", Invariant) + "× floor",
            GoalKind.MaxCycles => v.ToString("N0", Invariant) + " cycles",
            GoalKind.TailRatio => "p99/median " + v.ToString("0.00", Invariant),
            GoalKind.LinuxFactor => Ratio(v) + " cheaper",
            GoalKind.SlowdownAtMost => v.ToString("0.000", Invariant) + "× Linux's time",
            _ => v.ToString(Invariant),
        };
        return $" ({text})";
    }
}
