using System.Diagnostics;
using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// Paravirtual idle's hypercalls (docs/hvm.md): park (0x30) sleeps the vCPU's host thread until a
/// kick (0x38) or the deadline; a kick sent before the park is not lost; bad arguments end the VM
/// with a clear error instead of a hang. The test guest's Park and Kick exports store them.
/// </summary>
public sealed unsafe class HrtParkingTests
{
    private static Hrt Boot(int cpus) => Hrt.Boot(HvmGuest.Ring3, HrtBootTests.Options(cpus: cpus));

    /// <summary>The guest-side park block, { Deadline, Now, Parks, AtOnce, Kicked, DeadlineWakes }, in the arena.</summary>
    private static ulong* Block(Hrt hrt) => hrt.Arena.Alloc<ulong>(8);

    private static void WaitUntilParked(Hrt hrt, int cpu, long parks)
    {
        var watch = Stopwatch.StartNew();
        while (hrt.ParkCounters(cpu).Parks < parks)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"vCPU {cpu} never parked");
            Thread.Sleep(1);
        }
        Thread.Sleep(20); // well inside the futex wait by now
    }

    [KvmFact]
    public void KickEndsAParkWithoutDeadline()
    {
        using var hrt = Boot(cpus: 2);
        var block = Block(hrt);

        var park = hrt.Resolve("Park").InvokeAsync(1, (long)block, 0, 0);
        WaitUntilParked(hrt, 1, 1);
        Assert.False(park.IsCompleted, "a park without deadline sleeps until kicked");
        hrt.Invoke("Kick", 1);
        park.Wait(TimeSpan.FromSeconds(10));

        Assert.True(park.IsCompletedSuccessfully);
        Assert.Equal(new ParkCounters(1, 0, 1, 0, 1), hrt.ParkCounters(1));
        Assert.Equal(1UL, block[2]);   // the guest sees it too: one park, ended by a kick
        Assert.Equal(1UL, block[4]);
    }

    [KvmFact]
    public void ParkSleepsUntilItsDeadline()
    {
        using var hrt = Boot(cpus: 1);
        var block = Block(hrt);
        const long cycles = 5_000_000; // about 2 ms at this host's TSC rate; the VMM converts with KVM_GET_TSC_KHZ
        var expected = TimeSpan.FromMilliseconds(cycles / (double)hrt.TscKhz);

        var watch = Stopwatch.StartNew();
        hrt.Invoke("Park", (long)block, 1_000 + cycles, 1_000);
        var slept = watch.Elapsed;

        Assert.True(slept >= expected, $"slept {slept.TotalMilliseconds:F3} ms, asked {expected.TotalMilliseconds:F3} ms");
        Assert.Equal(new ParkCounters(1, 0, 0, 1, 0), hrt.ParkCounters(0));
        Assert.Equal(1UL, block[5]);
    }

    [KvmFact]
    public void KickBeforeTheParkIsNotLost()
    {
        using var hrt = Boot(cpus: 2);
        var block = Block(hrt);

        hrt.Invoke("Kick", 1);                                   // vCPU 1 is serving, not parked
        var park = hrt.Resolve("Park").InvokeAsync(1, (long)block, 0, 0);

        Assert.True(park.Wait(TimeSpan.FromSeconds(10)), "the pending kick ends the park at once");
        Assert.Equal(new ParkCounters(1, 1, 0, 0, 1), hrt.ParkCounters(1));
    }

    [KvmFact]
    public void ManyKicksAndParksNeverLoseAWakeUp()
    {
        using var hrt = Boot(cpus: 2);
        var block = Block(hrt);
        var parker = hrt.Resolve("Park");
        var kick = hrt.Resolve("Kick");

        for (var i = 0; i < 300; i++)
        {
            var park = parker.InvokeAsync(1, (long)block, 0, 0);
            kick.Invoke(0, 1);                                   // races the park: before, during or after it sleeps
            Assert.True(park.Wait(TimeSpan.FromSeconds(10)), $"park {i} was not woken");
        }
        var counters = hrt.ParkCounters(1);
        // Only its own round's kick can end a park: each one ended exactly one, by sleeping through
        // it or by finding it pending.
        Assert.Equal(300, counters.Parks);
        Assert.Equal(300, counters.KicksReceived);
        Assert.Equal(300, counters.AtOnce + counters.Kicked);
        Assert.Equal(0, counters.Deadline);
    }

    [KvmFact]
    public void KickOfAMissingVcpuIsAClearError()
    {
        using var hrt = Boot(cpus: 2);

        var error = Assert.Throws<HrtFaultException>(() => hrt.Invoke("Kick", 2));

        Assert.Equal("vCPU 0 kicked vCPU 2 (hypercall 0x38), but the HRT has vCPUs 0 to 1", error.Summary);
        Assert.False(hrt.IsRunning);
    }

    [KvmFact]
    public void MisalignedParkBlockIsAClearError()
    {
        using var hrt = Boot(cpus: 1);
        var misaligned = (long)Block(hrt) + 4;   // the guest can store there; the VMM refuses it

        var error = Assert.Throws<HrtFaultException>(() => hrt.Invoke("Park", misaligned, 0, 0));

        Assert.Equal($"vCPU 0's park block at 0x{misaligned:X} (hypercall 0x30) is not 8-byte aligned guest RAM or arena", error.Summary);
    }

    [KvmFact]
    public void StoppingTheVmEndsAPark()
    {
        var hrt = Boot(cpus: 2);
        var block = Block(hrt);
        var park = hrt.Resolve("Park").InvokeAsync(1, (long)block, 0, 0);
        WaitUntilParked(hrt, 1, 1);

        hrt.Dispose();                                          // joins every vCPU thread: a parked one must leave

        Assert.True(park.IsCompleted);
    }
}
