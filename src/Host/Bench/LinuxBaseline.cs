using Nacre.Host.Infrastructure;

namespace Nacre.Host.Bench;

/// <summary>
/// The C/pthreads baseline (bench/Linux/baseline.c): compiled with gcc on first use (and whenever
/// the source is newer than the binary) into .nacre/bench/, run with the same sample counts as
/// the kernel, its output parsed like the kernel's.
/// </summary>
public static class LinuxBaseline
{
    public static string SourcePath(string root) => Path.Combine(root, "bench", "Linux", "baseline.c");

    /// <summary>Compiles the baseline if needed; returns the executable's path.</summary>
    public static string Compile(string root, string? outputDirectory = null)
    {
        var source = SourcePath(root);
        if (!File.Exists(source))
            throw new NacreException($"the C baseline's source is missing: {source}");
        var directory = outputDirectory ?? Path.Combine(root, ".nacre", "bench");
        Directory.CreateDirectory(directory);
        var binary = Path.Combine(directory, "baseline");
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) >= File.GetLastWriteTimeUtc(source))
            return binary;
        var errors = new List<string>();
        var result = ChildProcess.Run("gcc", ["-O2", "-Wall", "-pthread", "-o", binary, source],
            onStdout: errors.Add, onStderr: line => { lock (errors) errors.Add(line); }, timeout: TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0 || result.TimedOut)
            throw new NacreException($"gcc failed to compile {source}:\n{string.Join('\n', errors)}");
        return binary;
    }

    /// <summary>The arguments that select samples, warm-up, CPU count and benchmarks (the kernel image's spelling).</summary>
    public static List<string> Arguments(int samples, int warmup, int cpus, string? only)
    {
        List<string> arguments = [$"samples={samples}", $"warmup={warmup}", $"cpus={cpus}"];
        if (!string.IsNullOrEmpty(only))
            arguments.Add($"only={only}");
        return arguments;
    }

    /// <summary>Runs a program that prints the benchmark lines (<paramref name="what"/> names it in errors) and parses them.</summary>
    public static BenchOutput Run(string binary, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellation = default, string what = "the C baseline")
    {
        var output = new BenchOutput();
        var errors = new List<string>();
        var result = ChildProcess.Run(binary, arguments,
            onStdout: line => { lock (output) output.Add(line); },
            onStderr: line => { lock (errors) errors.Add(line); },
            timeout: timeout, cancellation: cancellation);
        if (result.Cancelled)
            throw new OperationCanceledException($"{what} was interrupted", cancellation);
        if (result.TimedOut)
            throw new NacreException($"{what} did not finish within {Seconds.Format(timeout)}");
        if (!output.Ended)
            throw new NacreException($"{what} ended without BENCH-END (exit status {result.ExitCode}){(errors.Count > 0 ? ": " + string.Join(' ', errors) : "")}");
        return output;
    }
}
