using System.Globalization;

namespace Nacre.Host.Apps;

/// <summary>
/// What an application printed, by the protocol of apps/Common/App.cs: "app: …", "time:
/// cycles=C ns=N", optionally "grain: syncs=K", "verify: …" lines (identical on every platform and worker count for the same
/// input) and "result: PASSED" / "result: FAILED …".
/// </summary>
public sealed record AppOutput(string? Header, ulong Cycles, ulong Nanoseconds, IReadOnlyList<string> Verification, bool Passed, string? Failure, IReadOnlyList<string> Lines)
{
    /// <summary>"grain: syncs=K": synchronisations summed over workers (spawns, barrier or loop arrivals); 0 if not printed.</summary>
    public ulong Syncs { get; init; }

    public static AppOutput Parse(IReadOnlyList<string> lines)
    {
        string? header = null, failure = null;
        ulong cycles = 0, ns = 0, syncs = 0;
        bool passed = false, sawResult = false;
        var verify = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("app: ", StringComparison.Ordinal)) header = line[5..];
            else if (line.StartsWith("verify: ", StringComparison.Ordinal)) verify.Add(line);
            else if (line.StartsWith("time: ", StringComparison.Ordinal))
            {
                foreach (var field in line[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var parts = field.Split('=');
                    if (parts.Length != 2 || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) continue;
                    if (parts[0] == "cycles") cycles = value;
                    else if (parts[0] == "ns") ns = value;
                }
            }
            else if (line.StartsWith("grain: syncs=", StringComparison.Ordinal))
                ulong.TryParse(line["grain: syncs=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out syncs);
            else if (line.StartsWith("result: ", StringComparison.Ordinal))
            {
                sawResult = true;
                passed = line == "result: PASSED";
                if (!passed) failure = line.StartsWith("result: FAILED ", StringComparison.Ordinal) ? line["result: FAILED ".Length..] : line[8..];
            }
        }
        if (!sawResult) failure = "no result line";
        else if (verify.Count == 0) { passed = false; failure = "no verify line"; }
        return new AppOutput(header, cycles, ns, verify, passed, failure, lines) { Syncs = syncs };
    }

    /// <summary>The verification lines as one string, for comparing runs.</summary>
    public string VerificationKey => string.Join("\n", Verification);
}
