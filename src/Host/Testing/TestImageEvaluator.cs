using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Host.Testing;

/// <summary>
/// Turns a test image's parsed console and exit status into its report, checking that the two
/// agree: an image that claims success must have run tests on every CPU it was given, printed the
/// closing line, counted what it printed, and exited with 0.
/// </summary>
public static class TestImageEvaluator
{
    public static ImageTestReport Evaluate(string image, TestOutputParser console, QemuRun run, TimeSpan timeout)
    {
        var cases = console.Results.ToList();
        var problem = Problem(console, run, timeout);
        if (problem is not null)
        {
            // Blame the test that was running when the image died, else the image itself.
            var name = console.RunningTest ?? ImageTestReport.WholeImage;
            cases.Add(new TestCaseResult(name, Passed: false, problem));
        }
        return new ImageTestReport(image, cases, run.Elapsed);
    }

    private static string? Problem(TestOutputParser console, QemuRun run, TimeSpan timeout)
    {
        var running = console.RunningTest is { } test ? $" while running {test}" : "";
        switch (run.Status.Kind)
        {
            case ExitKind.Panicked:
                var text = console.PanicText.Count > 0 ? ":\n" + string.Join('\n', console.PanicText) : " (no PANIC line printed)";
                return $"kernel panic{running}{text}";
            case ExitKind.TimedOut:
                return $"timed out after {Seconds.Format(timeout)}{running}";
            case ExitKind.SilentReset:
                return $"the guest reset or shut down without reporting (triple fault?){running}";
            case ExitKind.Faulted:
                return $"the HVM stopped the guest{running}: {run.Detail}";
            case ExitKind.QemuFailed:
                return $"QEMU failed (exit status {run.QemuExitCode}): {run.QemuStderr.Trim()}";
        }

        if (console.CpusNotStarted.Count > 0)
            return $"{string.Join("; ", console.CpusNotStarted)}: the image ran on fewer CPUs than asked for, so its cross-CPU tests did not run";

        var code = run.Status.Code;
        var passed = console.Results.Count(r => r.Passed);
        var failed = console.Results.Count(r => r.Failed);
        var skipped = console.Results.Count(r => r.Skipped);
        if (console.Summary is not { } summary)
            return $"exited with code {code} without printing the closing 'N passed, M failed' line{running}";
        if (summary.Passed + summary.Failed + summary.Skipped == 0)
            return "ran no tests";
        if (summary != (passed, failed, skipped))
            return $"its closing line says {summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped, but it printed {passed} PASS, {failed} FAIL and {skipped} SKIP lines";
        if (code == 0 && failed > 0)
            return $"exited with code 0 although {failed} test(s) failed";
        if (code == 1 && failed == 0)
            return "exited with code 1 although no test failed";
        if (code is not (0 or 1))
            return $"exited with code {code}; a test image exits with 0 (all passed) or 1 (some failed)";
        return null;
    }
}
