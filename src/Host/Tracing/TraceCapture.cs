using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;

namespace Nacre.Host.Tracing;

/// <summary>
/// <c>--trace FILE</c> for a QEMU boot: the kernel option <c>trace</c> turns tracing on from
/// boot, a second serial port (COM2) writes into a scratch file, where the kernel dumps its
/// rings as the run ends; afterwards the dump becomes Chrome trace-event JSON in FILE.
/// </summary>
public static class TraceCapture
{
    /// <summary>The kernel command-line word (src/Kernel/Tracing/Trace.cs).</summary>
    public const string KernelOption = "trace";

    /// <summary>The error for machines that cannot collect a trace yet.</summary>
    public const string HvmNotYet = "--trace needs QEMU for now: collecting the rings from guest memory in the HVM is not built yet (use --qemu)";

    /// <summary>The options that boot with tracing on, dumping to a scratch file next to output.</summary>
    public static QemuOptions Prepare(QemuOptions options, string output)
    {
        if (options.Machine == MachineKind.Hvm)
            throw new NacreException(HvmNotYet);
        var full = Path.GetFullPath(output);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            throw new NacreException($"--trace: directory {directory} does not exist");
        var dump = full + ".dump";
        File.Delete(dump);
        return options with
        {
            KernelArguments = [KernelOption, .. options.KernelArguments],
            TraceDump = dump,
        };
    }

    /// <summary>True when the run left a dump (a panic dumps too, unless it came too early or in the dump).</summary>
    public static bool Dumped(QemuOptions options) => options.TraceDump is { } dump && File.Exists(dump) && new FileInfo(dump).Length > 0;

    /// <summary>Decodes the dump the run left and writes the JSON; returns a one-line summary.</summary>
    public static string Finish(QemuOptions options, string output)
    {
        var dump = options.TraceDump ?? throw new InvalidOperationException("not a traced run");
        var trace = TraceFile.Read(dump);
        var symbols = ImageSymbols.Load(options.Image);
        ChromeTraceSummary summary;
        using (var stream = File.Create(output))
            summary = ChromeTrace.Write(trace, symbols, stream, $"QEMU TCG, {trace.Cpus} CPUs");
        File.Delete(dump);
        var lost = summary.Lost > 0 ? $", {summary.Lost} oldest events overwritten (rings are {ThreadRingEvents} events per CPU)" : "";
        return $"{output}: {summary.Events} trace events, {summary.Cpus} CPUs, {summary.Threads} threads, {summary.Flows} flows{lost}";
    }

    private const int ThreadRingEvents = 1 << 15;
}
