using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// Teardown leaks nothing: after many boot/use/dispose cycles — clean ones and failing ones —
/// the process has the same file descriptors, no HRT threads, and no guest memory mapped.
/// </summary>
public sealed class HrtDisposeTests
{
    private static List<string> OpenFds() =>
        [.. Directory.GetFiles("/proc/self/fd").Select(fd => new FileInfo(fd).LinkTarget ?? "")];

    /// <summary>/dev/kvm, anon_inode:kvm-vm, anon_inode:kvm-vcpu:N.</summary>
    private static List<string> KvmFds() => [.. OpenFds().Where(target => target.Contains("kvm", StringComparison.Ordinal))];

    /// <summary>Threads named by the VMM ("HRT vCPU 0", "HRT teardown", "HRT async invokes").</summary>
    private static List<string> HrtThreads() =>
        [.. Directory.GetDirectories("/proc/self/task")
            .Select(task => { try { return File.ReadAllText(Path.Combine(task, "comm")).Trim(); } catch (IOException) { return ""; } })
            .Where(name => name.StartsWith("HRT ", StringComparison.Ordinal))];

    private static long MappedKiB() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmSize:", StringComparison.Ordinal)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[1]);

    [KvmFact]
    public void ManyCyclesLeakNoFdsThreadsOrMemory()
    {
        // Warm up: JIT, thread pool, and assembling the guests (as/ld leave pipes to be finalised).
        _ = (HvmGuest.Ring3, HvmGuest.Get("TRIPLE"));
        Cycle(0);
        var fds = OpenFds();
        var kvmFds = KvmFds();
        var mapped = MappedKiB();

        for (var i = 0; i < 24; i++)
            Cycle(i);

        Assert.Equal(kvmFds, KvmFds());
        // Assemblies that other tests running in parallel load lazily are not the HVM's.
        var added = OpenFds().Except(fds).Where(path => !path.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.True(added.Count == 0, $"new fds: {string.Join(", ", added)}");
        var threads = HrtThreads();
        for (var wait = 0; threads.Count > 0 && wait < 100; wait++)
        {
            Thread.Sleep(10); // a joined thread may take a moment to leave /proc
            threads = HrtThreads();
        }
        Assert.Empty(threads);
        // Each cycle maps 256 MiB of RAM and a 64 MiB arena: a leak would show as gigabytes.
        Assert.InRange(MappedKiB() - mapped, long.MinValue, 256 * 1024);
    }

    private static void Cycle(int i)
    {
        var options = HrtBootTests.Options(cpus: 2);
        options.InvokeTimeout = TimeSpan.FromMilliseconds(200);
        switch (i % 4)
        {
            case 0:
                using (var hrt = Hrt.Boot(HvmGuest.Ring3, options))
                {
                    Assert.Equal(3, hrt.Invoke("Add", 1, 2));
                    Assert.Equal(7, hrt.InvokeAsync("Add", 3, 4).Result);
                }
                break;
            case 1:
                using (var hrt = Hrt.Boot(HvmGuest.Ring3, options))
                    Assert.Throws<HrtTimeoutException>(() => hrt.Invoke("Spin"));
                break;
            case 2:
                Assert.Throws<HrtFaultException>(() => Hrt.Boot(HvmGuest.Get("TRIPLE"), options));
                break;
            default:
                using (var hrt = Hrt.Boot(HvmGuest.Ring3, options))
                    Assert.Throws<HrtFaultException>(() => hrt.Resolve("Fault").Invoke(1));
                break;
        }
    }
}
