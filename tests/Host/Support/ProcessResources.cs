namespace Nacre.Host.Tests.Support;

/// <summary>
/// What this process holds, from /proc/self: open file descriptors (what each refers to, loaded assemblies left out), threads, memory mappings and
/// resident memory. Tests take one before and after a load and compare (HrtLoadTests, GuestRamTests).
/// </summary>
public sealed record ProcessResources(IReadOnlyList<string> FdTargets, int Threads, int Mappings, long RssKiB, int HrtThreads)
{
    public int Fds => FdTargets.Count;

    public static ProcessResources Now()
    {
        var tasks = Directory.GetDirectories("/proc/self/task");
        return new(
            [.. Directory.GetFiles("/proc/self/fd").Select(Target).Where(target => !target.EndsWith(".dll", StringComparison.Ordinal))],
            tasks.Length,
            File.ReadLines("/proc/self/maps").Count(),
            long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1]),
            tasks.Count(IsHrtThread));
    }

    /// <summary>
    /// What an fd refers to. Fds the runtime holds for assemblies it loaded are left out by Now:
    /// the first use of a type can load one in the middle of a measured loop (it then stays open
    /// for the process's life), which is the runtime's doing, not the VMM's.
    /// </summary>
    private static string Target(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget ?? "";
        }
        catch (IOException)
        {
            return ""; // closed while we looked
        }
    }

    /// <summary>Threads the VMM names "HRT …" (vCPUs, teardown, async invokes).</summary>
    private static bool IsHrtThread(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "comm")).StartsWith("HRT ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false; // the thread left while we looked
        }
    }

    /// <summary>Waits up to a second for the VMM's threads to leave /proc (a joined thread may
    /// linger there for a moment) and for finalisable handles to close, then takes a snapshot.</summary>
    public static ProcessResources Settled()
    {
        for (var wait = 0; ; wait++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var now = Now();
            if (now.HrtThreads == 0 || wait >= 100)
                return now;
            Thread.Sleep(10);
        }
    }

    public override string ToString() =>
        $"{Fds} fds, {Threads} threads ({HrtThreads} HRT), {Mappings} mappings, RSS {RssKiB / 1024.0:F1} MiB";
}
