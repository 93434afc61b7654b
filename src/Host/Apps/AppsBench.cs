using System.Text.Json;
using Nacre.Host.Infrastructure;

namespace Nacre.Host.Apps;

/// <summary>
/// `nacre bench apps`: every application of apps/ at each size on each CPU count, as a Linux
/// process, as an HRT and through the HVM's Invoke path, with the same inputs; checks that every
/// run printed the same verification lines, and writes a table (stdout), apps.json and two PNG charts.
/// </summary>
public static class AppsBench
{
    /// <summary>What `nacre bench apps` was asked to do.</summary>
    public sealed record Settings(IReadOnlyList<AppSpec> Apps, IReadOnlyList<string> Sizes, IReadOnlyList<int> Cpus, int Repeat, HrtMode? Mode, bool Invoke, string OutputDirectory, TimeSpan Timeout, bool Trace)
    {
        public string HrtPlatform => Mode == HrtMode.Hvm ? "hrt-hvm" : "hrt-qemu";
        public IReadOnlyList<string> Platforms => new[] { "linux", Mode is null ? null : HrtPlatform, Invoke ? "hrt-invoke" : null }.OfType<string>().ToList();
    }

    public static int Run(Settings s, Terminal terminal, CancellationToken cancellation)
    {
        var points = new List<AppPoint>();
        bool allPassed = true;
        foreach (var app in s.Apps)
        {
            var linux = AppRunner.PublishLinux(app, terminal);
            var image = s.Mode is null && !s.Invoke ? null : AppRunner.BuildHrt(app, terminal);
            foreach (var sizeName in s.Sizes)
            {
                var size = sizeName switch { "test" => app.Test, "small" => app.Small, "large" => app.Large, _ => throw new NacreException($"unknown size '{sizeName}'") };
                var verifications = new HashSet<string>();
                foreach (var n in s.Cpus)
                {
                    var runs = new List<AppOutput>();
                    for (int r = 0; r < s.Repeat; r++)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        runs.Add(AppRunner.RunLinux(linux, size.Argument, n, s.Timeout, cancellation));
                    }
                    points.Add(Summarise(app, sizeName, size, "linux", n, runs));
                    terminal.Progress("bench", Describe(points[^1]));
                    if (s.Mode is { } mode)
                    {
                        // QEMU once (its times are only functional); the HVM as often as Linux.
                        var hrtRuns = new List<AppOutput>();
                        string? traceFile = null;
                        if (s.Trace)
                        {
                            Directory.CreateDirectory(s.OutputDirectory);
                            traceFile = Path.Combine(s.OutputDirectory, $"trace-{app.Name}-{sizeName}-{n}cpu.json");
                        }
                        for (int r = 0; r < (mode == HrtMode.Qemu ? 1 : s.Repeat); r++)
                            hrtRuns.Add(AppRunner.RunHrtApp(image!, size.Argument, n, size.MemoryMiB, s.Timeout, mode, cancellation,
                                r == 0 ? traceFile : null, line => terminal.Progress("trace", line)));
                        points.Add(Summarise(app, sizeName, size, s.HrtPlatform, n, hrtRuns));
                        terminal.Progress("bench", Describe(points[^1]));
                    }
                    if (s.Invoke)
                    {
                        var invokeRuns = new List<AppOutput>();
                        for (int r = 0; r < s.Repeat; r++)
                            invokeRuns.Add(AppRunner.RunInvoke(linux, image!, size.Argument, n, s.Timeout, cancellation));
                        points.Add(Summarise(app, sizeName, size, "hrt-invoke", n, invokeRuns));
                        terminal.Progress("bench", Describe(points[^1]));
                    }
                }
                foreach (var p in points.Where(p => p.App == app.Name && p.Size == sizeName))
                {
                    verifications.Add(p.Verification);
                    allPassed &= p.Passed;
                }
                if (verifications.Count != 1)
                {
                    allPassed = false;
                    terminal.Note($"{app.Name} {sizeName}: the runs disagree:\n  {string.Join("\n  ", verifications)}");
                }
            }
        }

        AppsTable.Print(points, s, terminal);
        Directory.CreateDirectory(s.OutputDirectory);
        var json = Path.Combine(s.OutputDirectory, "apps.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            machine = new { cpus = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription },
            hrtMode = s.Mode?.ToString().ToLowerInvariant() ?? "none",
            hrtTimesAreFunctionalOnly = s.Mode == HrtMode.Qemu,
            verified = allPassed,
            points,
        }, new JsonSerializerOptions { WriteIndented = true }));
        AppCharts.Write(points, s.OutputDirectory, s.Mode == HrtMode.Qemu);
        terminal.Progress("bench", $"wrote {json}, apps-times.png and apps-scaling.png");
        terminal.WriteLine(allPassed ? "verified: every run passed and agreed" : "verified: NO (see the notes above)");
        return allPassed ? 0 : 1;
    }

    private static AppPoint Summarise(AppSpec app, string sizeName, AppSize size, string platform, int cpus, IReadOnlyList<AppOutput> runs)
    {
        var ns = runs.Select(r => (double)r.Nanoseconds).OrderBy(x => x).ToList();
        var cycles = runs.Select(r => r.Cycles).OrderBy(x => x).ToList();
        bool passed = runs.All(r => r.Passed);
        var keys = runs.Select(r => r.VerificationKey).Distinct().ToList();
        return new AppPoint(app.Name, sizeName, size.Argument, platform, cpus, ns[ns.Count / 2], ns[0], cycles[cycles.Count / 2], runs.Count,
            passed && keys.Count == 1, keys.Count == 1 ? keys[0] : "inconsistent: " + string.Join(" | ", keys));
    }

    private static string Describe(AppPoint p) =>
        $"{p.App} {p.Size} ({p.Argument}) {p.Platform} cpus={p.Cpus}: {AppsTable.Ms(p.MedianNs)} ms{(p.Passed ? "" : " FAILED")}";
}
