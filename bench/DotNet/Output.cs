using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Nacre.Bench.DotNet;

/// <summary>A self-check over a result's kept samples, as the kernel's benchmarks report them.</summary>
public sealed record Check(string Name, int Passed, int Total);

/// <summary>One benchmark's raw samples in TSC cycles.</summary>
public sealed record Result(string Name, long[] Samples, IReadOnlyList<Check> Checks, string Note = "");

/// <summary>The benchmark line protocol (docs/benchmarks.md): one line per record, JSON after a keyword.</summary>
public static class Output
{
    public static void Info(Dictionary<string, object> info) =>
        Line("BENCH-INFO " + JsonSerializer.Serialize(info, OutputJson.Default.DictionaryStringObject));

    public static void Skip(string name, string reason) =>
        Line("BENCH-SKIP {\"name\":" + Quote(name) + ",\"reason\":" + Quote(reason) + "}");

    public static void End(int results, int failed) =>
        Line($"BENCH-END {{\"results\":{results},\"failed_checks\":{failed}}}");

    public static void Result(Result result)
    {
        var line = new StringBuilder(64 + result.Samples.Length * 8);
        line.Append("BENCH {\"name\":").Append(Quote(result.Name))
            .Append(",\"count\":").Append(result.Samples.Length)
            .Append(",\"note\":").Append(Quote(result.Note))
            .Append(",\"checks\":[");
        for (var i = 0; i < result.Checks.Count; i++)
        {
            var c = result.Checks[i];
            line.Append(i == 0 ? "" : ",").Append("{\"name\":").Append(Quote(c.Name))
                .Append(",\"passed\":").Append(c.Passed).Append(",\"total\":").Append(c.Total).Append('}');
        }
        line.Append("],\"samples\":[");
        for (var i = 0; i < result.Samples.Length; i++)
            line.Append(i == 0 ? "" : ",").Append(result.Samples[i].ToString(CultureInfo.InvariantCulture));
        line.Append("]}");
        Line(line.ToString());
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, OutputJson.Default.String);

    private static void Line(string text)
    {
        Console.Out.Write(text + "\n");
        Console.Out.Flush();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
[System.Text.Json.Serialization.JsonSerializable(typeof(double))]
internal sealed partial class OutputJson : System.Text.Json.Serialization.JsonSerializerContext;
