using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nacre.Host.Bench;

/// <summary>
/// The JSON file of `nacre bench --json`: the run's mode and clocks, then per primitive every row
/// with all statistics (cycles and ns), the self-checks and the raw samples, the Linux/Nacre
/// ratios and the goals' verdicts.
/// </summary>
public static class BenchJson
{
    public static JsonObject Build(BenchSession session)
    {
        var root = new JsonObject
        {
            ["title"] = session.Labels.Title,
            ["mode"] = session.Mode,
            ["functional_only"] = session.FunctionalOnly,
            ["cpus"] = session.NacreOutput.Cpus,
            ["nacre_info"] = Info(session.NacreOutput),
            ["linux_info"] = session.LinuxOutput is { } l ? Info(l) : null,
            ["host_tsc_hz"] = session.HostTscHz,
            // "nacre" rows and keys are the measured side (the kernel, or the HRT in `nacre bench dotnet`), "linux" the Linux side.
            ["ratio"] = session.Labels.Ratio,
            ["statistics"] = "nearest-rank percentiles over raw samples; stddev with n-1; cv = stddev/mean",
        };
        var primitives = new JsonArray();
        foreach (var report in session.Reports())
        {
            var rows = new JsonArray();
            foreach (var row in report.Rows)
            {
                var s = row.Stats;
                var r = row.Result;
                rows.Add(new JsonObject
                {
                    ["source"] = row.Source.Origin.ToString().ToLowerInvariant(),
                    ["label"] = row.Source.Label,
                    ["name"] = r.Name,
                    ["tsc_hz"] = r.TscHz,
                    ["note"] = r.Note,
                    ["count"] = s.Count,
                    ["min"] = s.Min,
                    ["median"] = s.Median,
                    ["p99"] = s.P99,
                    ["max"] = s.Max,
                    ["mean"] = s.Mean,
                    ["stddev"] = s.StdDev,
                    ["cv"] = s.Cv,
                    ["p99_over_median"] = double.IsFinite(s.TailRatio) ? s.TailRatio : null,
                    ["ns"] = new JsonObject
                    {
                        ["min"] = r.ToNs(s.Min), ["median"] = r.ToNs(s.Median), ["p99"] = r.ToNs(s.P99),
                        ["max"] = r.ToNs(s.Max), ["mean"] = r.ToNs(s.Mean), ["stddev"] = r.ToNs(s.StdDev),
                    },
                    ["floor_multiple"] = row.FloorMultiple,
                    ["checks"] = new JsonArray(r.Checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["passed"] = c.Passed, ["total"] = c.Total }).ToArray()),
                    ["samples"] = new JsonArray(r.Samples.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
                });
            }
            primitives.Add(new JsonObject
            {
                ["id"] = report.Primitive.Id,
                ["title"] = report.Primitive.Title,
                ["cross_cpu"] = report.Primitive.CrossCpu,
                ["rows"] = rows,
                ["linux_over_nacre_median"] = report.LinuxOverNacreMedian,
                ["linux_over_nacre_p99"] = report.LinuxOverNacreP99,
                ["goals"] = new JsonArray(report.Goals.Select(g => (JsonNode)new JsonObject
                {
                    ["goal"] = g.Goal.Text,
                    ["status"] = g.StatusText,
                    ["value"] = g.Value,
                    ["detail"] = g.Detail,
                }).ToArray()),
            });
        }
        root["primitives"] = primitives;
        return root;
    }

    public static void Write(BenchSession session, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        File.WriteAllText(path, Build(session).ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n");
    }

    private static JsonObject Info(BenchOutput output)
    {
        var info = new JsonObject();
        foreach (var (key, value) in output.Info)
            info[key] = JsonNode.Parse(value.GetRawText());
        return info;
    }
}
