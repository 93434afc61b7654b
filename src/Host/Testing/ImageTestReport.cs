namespace Nacre.Host.Testing;

/// <summary>
/// What one test image reported. Problems of the image as a whole (panic, timeout, a build
/// failure, output that contradicts itself) become failed cases too, named after the test that
/// was running or after the image, so that every failure is counted exactly once.
/// </summary>
public sealed record ImageTestReport(string Image, IReadOnlyList<TestCaseResult> Cases, TimeSpan Elapsed)
{
    /// <summary>The case name used for a failure that no test can be blamed for.</summary>
    public const string WholeImage = "(image)";

    public int Passed => Cases.Count(c => c.Passed);

    public int Failed => Cases.Count(c => c.Failed);

    public int Skipped => Cases.Count(c => c.Skipped);

    /// <summary>A report for an image that could not even be started (e.g. it failed to build).</summary>
    public static ImageTestReport Broken(string image, string message) =>
        new(image, [new TestCaseResult(WholeImage, Passed: false, message)], TimeSpan.Zero);
}
