namespace Nacre.Cli.Testing;

/// <summary>One test's result, from an in-kernel image or from the host's xunit run.</summary>
/// <param name="Message">Why it failed (null when it passed).</param>
public sealed record TestCaseResult(string Name, bool Passed, string? Message = null)
{
    public override string ToString() => Passed ? $"PASS {Name}" : $"FAIL {Name}: {Message}";
}
