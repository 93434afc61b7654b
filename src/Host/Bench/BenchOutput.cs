using System.Text.Json;

namespace Nacre.Host.Bench;

/// <summary>A benchmark self-check: how many kept samples had the property it names.</summary>
public sealed record BenchCheck(string Name, int Passed, int Total)
{
    public bool Ok => Passed == Total;
}

/// <summary>One benchmark's raw samples (TSC cycles) from one source, with the TSC rate to convert them.</summary>
public sealed record BenchResult(string Name, long[] Samples, IReadOnlyList<BenchCheck> Checks, double TscHz, string Note = "")
{
    public bool ChecksOk => Checks.All(c => c.Ok);

    public Statistics Statistics => _statistics ??= Statistics.Of(Samples);
    private Statistics? _statistics;

    public double ToNs(double cycles) => TscHz > 0 ? cycles * 1e9 / TscHz : double.NaN;
}

/// <summary>
/// What a benchmark program printed: the kernel image and the C baseline print the same lines
/// (docs/benchmarks.md): BENCH-INFO {json}, BENCH {json} per result, BENCH-SKIP {json},
/// BENCH-END {json}. Other lines are ignored (kept in <see cref="OtherLines"/>).
/// </summary>
public sealed class BenchOutput
{
    public Dictionary<string, JsonElement> Info { get; } = [];
    public List<BenchResult> Results { get; } = [];
    public List<(string Name, string Reason)> Skipped { get; } = [];
    public List<string> OtherLines { get; } = [];
    public bool Ended { get; private set; }
    public int EndResults { get; private set; }
    public int EndFailedChecks { get; private set; }

    public string Mode => InfoString("mode") ?? "unknown";
    public double TscHz => Info.TryGetValue("tsc_hz", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
    public int Cpus => Info.TryGetValue("cpus", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    public string? InfoString(string key) =>
        Info.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public BenchResult? Find(string name) => Results.FirstOrDefault(r => r.Name == name);

    public static BenchOutput Parse(IEnumerable<string> lines)
    {
        var output = new BenchOutput();
        foreach (var line in lines)
            output.Add(line);
        return output;
    }

    /// <summary>Takes one console line. A malformed BENCH line is an error: results must not vanish silently.</summary>
    public void Add(string line)
    {
        var text = line.TrimEnd('\r');
        if (TryPayload(text, "BENCH-INFO ", out var json))
        {
            using var doc = Json(json, text);
            foreach (var property in doc.RootElement.EnumerateObject())
                Info[property.Name] = property.Value.Clone();
        }
        else if (TryPayload(text, "BENCH ", out json))
        {
            Results.Add(ParseResult(json, text));
        }
        else if (TryPayload(text, "BENCH-SKIP ", out json))
        {
            using var doc = Json(json, text);
            Skipped.Add((doc.RootElement.GetProperty("name").GetString() ?? "", doc.RootElement.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : ""));
        }
        else if (TryPayload(text, "BENCH-END ", out json))
        {
            using var doc = Json(json, text);
            Ended = true;
            EndResults = doc.RootElement.GetProperty("results").GetInt32();
            EndFailedChecks = doc.RootElement.GetProperty("failed_checks").GetInt32();
        }
        else
        {
            OtherLines.Add(text);
        }
    }

    private BenchResult ParseResult(string json, string line)
    {
        using var doc = Json(json, line);
        var root = doc.RootElement;
        var name = root.GetProperty("name").GetString() ?? throw new FormatException($"a BENCH line without a name: {Abbreviate(line)}");
        var samples = root.GetProperty("samples").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var count = root.GetProperty("count").GetInt32();
        if (count != samples.Length)
            throw new FormatException($"BENCH {name}: count says {count} but {samples.Length} samples follow");
        var checks = root.TryGetProperty("checks", out var c)
            ? c.EnumerateArray().Select(e => new BenchCheck(e.GetProperty("name").GetString() ?? "", e.GetProperty("passed").GetInt32(), e.GetProperty("total").GetInt32())).ToList()
            : [];
        var note = root.TryGetProperty("note", out var n) ? n.GetString() ?? "" : "";
        return new BenchResult(name, samples, checks, TscHz, note);
    }

    private static bool TryPayload(string line, string prefix, out string json)
    {
        var at = line.IndexOf(prefix, StringComparison.Ordinal);
        // The kernel's console may be prefixed (e.g. by a test runner); the payload is a JSON object.
        if (at >= 0 && line.Length > at + prefix.Length && line[at + prefix.Length] == '{')
        {
            json = line[(at + prefix.Length)..];
            return true;
        }
        json = "";
        return false;
    }

    private static JsonDocument Json(string json, string line)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"malformed benchmark line ({e.Message}): {Abbreviate(line)}", e);
        }
    }

    private static string Abbreviate(string line) => line.Length <= 120 ? line : line[..120] + "...";
}
