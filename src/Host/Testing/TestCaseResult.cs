namespace Nacre.Host.Testing;

/// <summary>One test's result, from an in-kernel image or from the host's xunit run.</summary>
/// <param name="Message">Why it failed or was skipped (null when it passed).</param>
public sealed record TestCaseResult(string Name, bool Passed, string? Message = null)
{
    /// <summary>Neither passed nor failed: what it tests is absent here (<see cref="Message"/> says why).</summary>
    public bool Skipped { get; init; }

    public bool Failed => !Passed && !Skipped;

    public static TestCaseResult Skip(string name, string reason) => new(name, Passed: false, reason) { Skipped = true };

    public override string ToString() => Passed ? $"PASS {Name}" : Skipped ? $"SKIP {Name}: {Message}" : $"FAIL {Name}: {Message}";
}
