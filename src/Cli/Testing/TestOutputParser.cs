using System.Text.RegularExpressions;

namespace Nacre.Cli.Testing;

/// <summary>
/// Reads a test image's console, line by line as it arrives. The image prints
/// <c>RUN name</c> (optional) before a test, then <c>PASS name</c> or <c>FAIL name: message</c>,
/// and finally <c>N passed, M failed</c>. Any other line is the tests' own output and is
/// ignored, except that a panic's text is kept to explain the failure.
/// </summary>
public sealed partial class TestOutputParser
{
    /// <summary>How many console lines of a panic (the PANIC line and the register dump) to keep.</summary>
    private const int PanicLinesKept = 40;

    private readonly List<TestCaseResult> _results = [];
    private readonly List<string> _panicText = [];

    public IReadOnlyList<TestCaseResult> Results => _results;

    /// <summary>The closing line's counts, once seen.</summary>
    public (int Passed, int Failed)? Summary { get; private set; }

    /// <summary>The test announced by the last RUN line that has not reported a result yet.</summary>
    public string? RunningTest { get; private set; }

    /// <summary>The PANIC line and what follows it, if the kernel panicked.</summary>
    public IReadOnlyList<string> PanicText => _panicText;

    /// <summary>Feeds one console line; returns the test result it reports, if any.</summary>
    public TestCaseResult? Feed(string line)
    {
        line = line.TrimEnd('\r');
        // Keep the panic's text to explain the failure, but go on parsing: only the exit status
        // says whether the kernel really panicked (a test may print the word).
        if ((_panicText.Count > 0 || line.Contains("PANIC", StringComparison.Ordinal)) && _panicText.Count < PanicLinesKept)
            _panicText.Add(line);

        if (line.StartsWith("RUN ", StringComparison.Ordinal))
        {
            RunningTest = line[4..].Trim();
            return null;
        }

        var result = ParseResult(line);
        if (result is not null)
        {
            _results.Add(result);
            RunningTest = null;
            return result;
        }

        var summary = SummaryLine().Match(line);
        if (summary.Success)
            Summary = (int.Parse(summary.Groups[1].Value), int.Parse(summary.Groups[2].Value));
        return null;
    }

    public static TestCaseResult? ParseResult(string line)
    {
        if (line.StartsWith("PASS ", StringComparison.Ordinal))
            return new TestCaseResult(line[5..].Trim(), Passed: true);
        if (!line.StartsWith("FAIL ", StringComparison.Ordinal))
            return null;

        var rest = line[5..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0
            ? new TestCaseResult(rest.TrimEnd(':', ' '), Passed: false, "(no message)")
            : new TestCaseResult(rest[..colon].Trim(), Passed: false, rest[(colon + 2)..].Trim());
    }

    [GeneratedRegex(@"^\s*(\d+) passed, (\d+) failed\s*$")]
    private static partial Regex SummaryLine();
}
