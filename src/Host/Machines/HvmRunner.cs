using System.Diagnostics;
using Nacre.Host.Infrastructure;
using Nacre.Hvm;

namespace Nacre.Host.Machines;

/// <summary>
/// Boots an image in the HVM (src/Hvm) until it exits, passing each console line on, and reports
/// how it ended in the same terms as a QEMU run. Problems with the image or with /dev/kvm are
/// nacre errors; what the guest does (panic, fault, running past the timeout) is its result.
/// </summary>
public static class HvmRunner
{
    public static QemuRun Run(QemuOptions options, Action<string> onConsoleLine, CancellationToken cancellation = default)
    {
        var consoleLock = new object();
        var hvm = new HrtOptions
        {
            Cpus = options.Cpus,
            MemoryBytes = options.MemoryMiB * HrtOptions.MiB,
            ArenaBytes = options.ArenaMiB * HrtOptions.MiB,
            Upcalls = options.Upcalls,
            Privilege = options.Privilege,
            Serve = false,
            CommandLine = string.Join(' ', options.KernelArguments),
            Modules = options.Modules,
            // vCPU threads call this concurrently; the consumers (terminal, test parser) expect one line at a time.
            ConsoleLine = line => { lock (consoleLock) onConsoleLine(line); },
            BootTimeout = options.Timeout,
        };

        var watch = Stopwatch.StartNew();
        Hrt hrt;
        try
        {
            hrt = Hrt.Start(options.Image, hvm);
        }
        catch (HrtImageException e) { throw new NacreException($"{options.Image}: {e.Message}"); }
        catch (KvmUnavailableException e) { throw new NacreException($"the HVM cannot run: {e.Message}"); }
        catch (ArgumentException e) { throw new NacreException($"the HVM rejected the options: {e.Message}"); }
        catch (HrtException e) { throw new NacreException($"the HVM could not start the image: {e.Message}"); }

        using (hrt)
        using (cancellation.Register(() => ThreadPool.QueueUserWorkItem(_ => hrt.Dispose())))
        {
            try
            {
                int code = hrt.WaitForExitAsync(options.Timeout).GetAwaiter().GetResult();
                var status = code == ExitStatus.PanicValue ? new ExitStatus(ExitKind.Panicked, code) : new ExitStatus(ExitKind.Exited, code);
                return new QemuRun(status, code, "", watch.Elapsed);
            }
            catch (HrtTimeoutException)
            {
                return new QemuRun(ExitStatus.TimeoutExpired, -1, "", watch.Elapsed);
            }
            catch (HrtException e) when (!cancellation.IsCancellationRequested)
            {
                return new QemuRun(new ExitStatus(ExitKind.Faulted, 0), -1, "", watch.Elapsed) { Detail = e.Message };
            }
            catch (Exception) when (cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException("the run was interrupted", cancellation);
            }
        }
    }

    /// <summary>Whether images can run in the HVM here, and if not why (for --hvm and for skips).</summary>
    public static bool IsUsable(out string reason) => Hrt.IsKvmUsable(out reason);
}
