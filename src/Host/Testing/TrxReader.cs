using System.Xml.Linq;

namespace Nacre.Host.Testing;

/// <summary>The results of a host test run, read from the TRX file <c>dotnet test</c> wrote.</summary>
public sealed record HostTestResults(IReadOnlyList<TestCaseResult> Cases, int Skipped, IReadOnlyList<string> RunErrors)
{
    public int Passed => Cases.Count(c => c.Passed);

    public int Failed => Cases.Count(c => c.Failed);
}

/// <summary>
/// Reads a Visual Studio TRX file. TRX, unlike console output, is a stable format: one
/// UnitTestResult per executed test case with its outcome and error message.
/// </summary>
public static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static HostTestResults Read(string trxPath) => Parse(XDocument.Load(trxPath));

    public static HostTestResults Parse(XDocument trx)
    {
        var cases = new List<TestCaseResult>();
        var skipped = 0;
        foreach (var result in trx.Descendants(Ns + "UnitTestResult"))
        {
            var name = (string?)result.Attribute("testName") ?? "(unnamed)";
            var outcome = (string?)result.Attribute("outcome") ?? "";
            switch (outcome)
            {
                case "Passed":
                    cases.Add(new TestCaseResult(name, Passed: true));
                    break;
                case "NotExecuted":
                    skipped++;
                    break;
                default: // Failed, Error, Timeout, Aborted, ...: anything else is not a pass
                    var message = result.Descendants(Ns + "ErrorInfo").Elements(Ns + "Message").FirstOrDefault()?.Value;
                    cases.Add(new TestCaseResult(name, Passed: false, OneLine(message ?? outcome)));
                    break;
            }
        }

        // Run-level errors (a crashed test host, a data source that threw) are not test results.
        var runErrors = trx.Descendants(Ns + "RunInfo")
            .Where(info => (string?)info.Attribute("outcome") is "Error" or "Failed")
            .Select(info => OneLine(info.Element(Ns + "Text")?.Value ?? "(no text)"))
            .ToList();
        return new HostTestResults(cases.OrderBy(c => c.Name, StringComparer.Ordinal).ToList(), skipped, runErrors);
    }

    /// <summary>Test results are printed one per line; a multi-line message keeps its first lines.</summary>
    private static string OneLine(string text)
    {
        const int kept = 8;
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join(" | ", lines.Take(kept)) + (lines.Length > kept ? " | ..." : "");
    }
}
