using Nacre.Hvm;

namespace Nacre.Host.Bench;

/// <summary>
/// Where boots spend their time, stage by stage, over many boots: for each stamped point of
/// <see cref="BootTimings.Stages"/> the median time since the Boot call ("at") and the median
/// time since the point before it in the same boot ("step"). Stages are listed in boot order (the
/// order of the boot that saw the most of them); a stage missing from some boots counts only
/// the boots that have it.
/// </summary>
public static class BootBreakdown
{
    public sealed record Row(string Stage, bool InGuest, int Boots, double MedianAtUs, double MedianStepUs);

    public static List<Row> From(IReadOnlyList<IReadOnlyList<BootMark>> boots)
    {
        var order = boots.OrderByDescending(b => b.Count).FirstOrDefault()?.Select(m => m.Stage).ToList() ?? [];
        var at = new Dictionary<string, List<double>>();
        var step = new Dictionary<string, List<double>>();
        var inGuest = new Dictionary<string, bool>();
        foreach (var boot in boots)
        {
            var previous = TimeSpan.Zero;
            foreach (var mark in boot)
            {
                if (!order.Contains(mark.Stage))
                    order.Add(mark.Stage);
                Add(at, mark.Stage, mark.At.TotalMicroseconds);
                Add(step, mark.Stage, (mark.At - previous).TotalMicroseconds);
                inGuest[mark.Stage] = mark.InGuest;
                previous = mark.At;
            }
        }
        return [.. order.Select(stage => new Row(stage, inGuest[stage], at[stage].Count, Median(at[stage]), Median(step[stage])))];
    }

    /// <summary>
    /// The five spans the boot is judged by, from the medians of <paramref name="rows"/>: VM set-up
    /// (the call until the vCPU threads run), guest start (until the kernel's first C#), memory
    /// init, then until Main and until ready. Null where a stage was never stamped.
    /// </summary>
    public static List<(string Span, double? Us)> Summary(IReadOnlyList<Row> rows)
    {
        double? At(string stage) => rows.FirstOrDefault(r => r.Stage == stage)?.MedianAtUs;
        double? Between(string? from, string to) => from is null ? At(to) : At(to) - At(from);
        return
        [
            ("VM set-up", Between(null, "vCPU threads started")),
            ("guest start (first entry, hvm.S)", Between("vCPU threads started", "guest entry")),
            ("memory init", Between("guest entry", "memory")),
            ("runtime, interrupts, CPUs up", Between("memory", "CPUs up")),
            ("to Main", Between("CPUs up", "Main")),
            ("to ready (guest)", Between("Main", "ready (guest)")),
            ("ready seen by the host", Between("ready (guest)", "ready (host)")),
        ];
    }

    private static void Add(Dictionary<string, List<double>> lists, string key, double value)
    {
        if (!lists.TryGetValue(key, out var list))
            lists[key] = list = [];
        list.Add(value);
    }

    // Nearest rank, like Statistics: the median of an even count is the lower middle value.
    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(sorted.Count / 2.0) - 1];
    }
}
