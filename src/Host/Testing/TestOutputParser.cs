using System.Text.RegularExpressions;

namespace Nacre.Host.Testing;

/// <summary>
/// Reads a test image's console, line by line as it arrives. The image prints
/// <c>RUN name</c> (optional) before a test, then <c>PASS name</c>, <c>FAIL name: message</c> or
/// <c>SKIP name: reason</c>, and finally <c>N passed, M failed</c> (<c>, K skipped</c> when some were). Any other line is the tests' own output and is
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
    public (int Passed, int Failed, int Skipped)? Summary { get; private set; }

    /// <summary>The test announced by the last RUN line that has not reported a result yet.</summary>
    public string? RunningTest { get; private set; }

    /// <summary>The kernel's lines saying a CPU did not start: the image then runs on fewer CPUs
    /// than asked for, and its cross-CPU tests would skip instead of running.</summary>
    public IReadOnlyList<string> CpusNotStarted => _cpusNotStarted;
    private readonly List<string> _cpusNotStarted = [];

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

        if (line.StartsWith("nacre: CPU ", StringComparison.Ordinal) && line.EndsWith(" did not start", StringComparison.Ordinal))
            _cpusNotStarted.Add(line);

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
            Summary = (int.Parse(summary.Groups[1].Value), int.Parse(summary.Groups[2].Value),
                summary.Groups[3].Success ? int.Parse(summary.Groups[3].Value) : 0);
        return null;
    }

    public static TestCaseResult? ParseResult(string line)
    {
        if (line.StartsWith("PASS ", StringComparison.Ordinal))
            return new TestCaseResult(line[5..].Trim(), Passed: true);
        var skipped = line.StartsWith("SKIP ", StringComparison.Ordinal);
        if (!skipped && !line.StartsWith("FAIL ", StringComparison.Ordinal))
            return null;

        var rest = line[5..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        var (name, message) = colon < 0
            ? (rest.TrimEnd(':', ' '), "(no message)")
            : (rest[..colon].Trim(), rest[(colon + 2)..].Trim());
        return skipped ? TestCaseResult.Skip(name, message) : new TestCaseResult(name, Passed: false, message);
    }

    [GeneratedRegex(@"^\s*(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$")]
    private static partial Regex SummaryLine();
}
