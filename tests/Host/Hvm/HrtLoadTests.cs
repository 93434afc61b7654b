using Nacre.Host.Tests.Support;
using Nacre.Hvm;
using Xunit.Abstractions;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// The HVM under load: a thousand HRTs booted and disposed one after another, and
/// eight at a time, leave the process with the file descriptors, threads, mappings and resident
/// memory it had; and one HRT takes Invoke from several host threads at once. The numbers are
/// printed (test output) as well as checked.
/// </summary>
public sealed class HrtLoadTests(ITestOutputHelper output)
{
    private const string GuestProject = "tests/Fixtures/HvmGuest";

    // Slack for what the .NET runtime itself may grow meanwhile (thread pool, GC, JIT), far below
    // what one leaked HRT costs: its fds (VM, vCPU), its mappings (RAM, arena, kvm_run) and the
    // guest RAM its kernel touched (megabytes).
    private const int ThreadSlack = 6, MappingSlack = 64;
    private const long RssSlackKiB = 48 * 1024;

    private static HrtOptions Options(IdleMode idle = IdleMode.Poll, int cpus = 1) => new()
    {
        Cpus = cpus,
        MemoryBytes = 64 * HrtOptions.MiB,
        ArenaBytes = 2 * HrtOptions.MiB,
        Idle = idle,
        BootTimeout = TimeSpan.FromSeconds(60),
        InvokeTimeout = TimeSpan.FromSeconds(60),
    };

    private static void BootUseDispose(string image, HrtOptions options, long i)
    {
        using var hrt = Hrt.Boot(image, options);
        Assert.Equal(7, hrt.MainResult);
        Assert.Equal(i + 1, hrt.Invoke("Add", i, 1));
    }

    private void AssertBack(ProcessResources before, ProcessResources after, string what)
    {
        output.WriteLine($"{what}: before {before}; after {after}");
        Assert.Equal(0, after.HrtThreads);
        Assert.True(before.Fds == after.Fds, $"fds {before.Fds} before, {after.Fds} after; opened meanwhile: {string.Join(", ", after.FdTargets.Except(before.FdTargets))}");
        Assert.InRange(after.Threads, 0, before.Threads + ThreadSlack);
        Assert.InRange(after.Mappings, 0, before.Mappings + MappingSlack);
        Assert.InRange(after.RssKiB, 0, before.RssKiB + RssSlackKiB);
    }

    [KvmFact]
    public void AThousandBootsInALoopGiveEverythingBack()
    {
        var image = BuiltImages.Get(GuestProject);
        for (var i = 0; i < 3; i++)
            BootUseDispose(image, Options(), i); // warm-up: JIT, /dev/kvm opened once per process
        var before = ProcessResources.Settled();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
            BootUseDispose(image, Options(), i);
        output.WriteLine($"1,000 boots, invokes and disposals in {watch.Elapsed.TotalSeconds:F2} s");
        AssertBack(before, ProcessResources.Settled(), "1,000 in a loop");
    }

    [KvmFact]
    public void EightAtOnceGiveEverythingBack()
    {
        var image = BuiltImages.Get(GuestProject);
        BootUseDispose(image, Options(IdleMode.Halt), 0);
        var before = ProcessResources.Settled();
        var peak = 0;
        for (var round = 0; round < 10; round++)
        {
            var live = 0;
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                using var hrt = Hrt.Boot(image, Options(IdleMode.Halt));
                var now = Interlocked.Increment(ref live);
                InterlockedMax(ref peak, now);
                Assert.Equal(i + 1, hrt.Invoke("Add", i, 1));
                Interlocked.Decrement(ref live);
            });
        }
        output.WriteLine($"up to {peak} HRTs alive at once");
        AssertBack(before, ProcessResources.Settled(), "10 rounds of 8 at once");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                return;
    }

    [KvmFact]
    public void InvokeFromSeveralThreadsAtOnceOnOneHrt()
    {
        using var hrt = Hrt.Boot(BuiltImages.Get(GuestProject), Options(cpus: 2));
        var add = hrt.Resolve("Add");
        const int threads = 4, calls = 2000;
        var wrong = 0;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (long i = 0; i < calls; i++)
            {
                var cpu = (int)((t + i) % 2);
                // Each caller's own arguments: a result that belongs to another call is a lost race.
                if (add.Invoke(cpu, t * 1_000_000 + i, 5) != t * 1_000_000 + i + 5)
                    Interlocked.Increment(ref wrong);
                if (i % 500 == 0)
                {
                    var all = hrt.InvokeAll("CpuIndex");
                    if (all[0] != 0 || all[1] != 1)
                        Interlocked.Increment(ref wrong);
                }
            }
        });
        Assert.Equal(0, wrong);
        Assert.True(hrt.IsRunning);
    }
}
