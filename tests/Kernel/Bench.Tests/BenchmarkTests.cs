using Nacre.Bench;
using Nacre.Testing;
using Nacre.Threads;

/// <summary>
/// Each benchmark run with a few samples: every self-check must hold for every sample (the stop
/// stamp of a launch comes from the new thread on the target CPU, a condvar wake is stamped on the
/// woken CPU, the polling event path sends no IPI, ...), and the sample count is as configured.
/// Nothing here is timed.
/// </summary>
public static class BenchmarkTests
{
    private static readonly Config Small = new Config { Samples = 40, Warmup = 4 };

    private static bool TwoCpus => Nacre.Cpus.Cpus.Count >= 2;

    // Where idle CPUs park in the VMM, each halted-target row also checks that the target really
    // parked and was woken by the kick, not its deadline.
    private static int ParkCheck => Nacre.Cpus.IdleParking.Enabled ? 1 : 0;

    private static void AssertMeasured(Result r, int expectedChecks)
    {
        Assert.Equal(Small.Samples, r.Count, r.Name + ": samples kept");
        Assert.Equal(expectedChecks, r.Checks.Count, r.Name + ": checks");
        foreach (Check c in r.Checks)
        {
            Assert.Equal(Small.Samples, c.Total, r.Name + ": " + c.Name + " counted on every sample");
            Assert.Equal(c.Total, c.Passed, r.Name + ": " + c.Name);
        }
    }

    private static Result Run(string name)
    {
        foreach (Entry e in Catalog.All())
            if (e.Name == name) return Catalog.Run(e, Small)[0];
        Assert.True(false, "no benchmark " + name);
        return null;
    }

    [Test]
    public static void LaunchStopStampIsTakenByTheNewThreadOnTheTargetCpu()
    {
        if (!TwoCpus) return;
        AssertMeasured(Run("launch.poll"), 3);
    }

    [Test]
    public static void LaunchHaltWakesAHaltedCpu()
    {
        if (!TwoCpus) return;
        AssertMeasured(Run("launch.halt"), 4 + ParkCheck);
    }

    [Test]
    public static unsafe void TraceOnRecordsEveryEventAndTraceOffNone()
    {
        int self = Nacre.Cpus.Cpus.Current->Index;
        Result on = Run("trace.on");
        AssertMeasured(on, 0);
        Nacre.Tracing.TraceRing* ring = Nacre.Tracing.Trace.RingOf(self, interrupt: false);
        Assert.True(ring != null && ring->Head >= (ulong)(Small.Total * 256), "trace.on recorded its batches");
        ulong head = ring->Head;
        Result off = Run("trace.off");
        AssertMeasured(off, 0);
        Assert.Equal(head, ring->Head, "trace.off recorded nothing");
        Assert.False(Nacre.Tracing.Trace.On, "tracing is left as it was (off)");
        long onSum = 0, offSum = 0;
        for (int i = 0; i < on.Count; i++) { onSum += on.Samples[i]; offSum += off.Samples[i]; }
        Assert.True(onSum > offSum, "an event costs more on than off");
    }

    [Test]
    public static void CreateJoinRunsTheThreadInsideTheInterval() => AssertMeasured(Run("createjoin"), 2);

    [Test]
    public static void YieldSamplesAreSwitchesBetweenTwoThreads() => AssertMeasured(Run("yield"), 1);

    [Test]
    public static void CondVarWakeIsStampedOnTheWokenCpu()
    {
        if (!TwoCpus) return;
        AssertMeasured(Run("condvar.poll"), 2);
        AssertMeasured(Run("condvar.halt"), 3 + ParkCheck);
    }

    [Test]
    public static void BroadcastWaitsForEveryOtherCpu()
    {
        if (!TwoCpus) return;
        AssertMeasured(Run("broadcast.poll"), 2);
        AssertMeasured(Run("broadcast.halt"), 3 + ParkCheck);
    }

    [Test]
    public static void BarriersRunRoundsOnEveryCpu()
    {
        if (!TwoCpus) return;
        AssertMeasured(Run("barrier.poll"), 1);
        AssertMeasured(Run("barrier.halt"), 1);
        AssertMeasured(Run("corebarrier"), 1);
    }

    [Test]
    public static void EventPathsAreThePollingAndTheIpiPath()
    {
        if (!TwoCpus) return;
        AssertMeasured(Run("event.poll"), 2);     // includes: no IPI sent
        AssertMeasured(Run("event.ipi"), 2 + ParkCheck);      // includes: one IPI (parked: one kick) per sample
        AssertMeasured(Run("eventbcast.poll"), 2);
        AssertMeasured(Run("eventbcast.ipi"), 2 + ParkCheck);
    }

    [Test]
    public static void TimerLatenessIsMeasuredFromTheRequestedDeadline()
    {
        Result r = Run("timer.100us");
        AssertMeasured(r, 2);
        for (int i = 0; i < r.Count; i++) Assert.True(r.Samples[i] >= 0, "lateness is never negative (the callback is not early)");
        AssertMeasured(Run("sleep.100us"), 1);
    }

    [Test]
    public static void FloorAndSkewAreMeasuredAcrossTwoCpus()
    {
        if (!TwoCpus) return;
        Result pingpong = Run("pingpong");
        AssertMeasured(pingpong, 2);
        for (int i = 0; i < pingpong.Count; i++) Assert.True(pingpong.Samples[i] > 0, "a round trip takes time");
        AssertMeasured(Run("tsc.skew"), 2);       // the responder's CPU and every round answered
    }

    [Test]
    public static void AllocatorsAreTimedPerCall()
    {
        foreach (Entry e in Catalog.All())
        {
            if (e.Name != "buddy" && e.Name != "heap") continue;
            Result[] results = Catalog.Run(e, Small);
            Assert.Equal(2, results.Length, e.Name + ": alloc and free");
            AssertMeasured(results[0], 1);
            AssertMeasured(results[1], 1);
        }
    }

    [Test]
    public static void ThrowsAreCaughtAndCallsReturnInEverySample()
    {
        foreach (Entry e in Catalog.All())
        {
            if (e.Name != "throw") continue;
            Result[] results = Catalog.Run(e, Small);
            Assert.Equal(3, results.Length, "throw.1, throw.10, call.10");
            Assert.Equal("throw.1", results[0].Name);
            Assert.Equal("throw.10", results[1].Name);
            Assert.Equal("call.10", results[2].Name);
            foreach (Result r in results) AssertMeasured(r, 1);
            return;
        }
        Assert.True(false, "no throw benchmark");
    }

    [Test]
    public static void IdlePoliciesAreRestoredAfterABenchmark()
    {
        if (!TwoCpus) return;
        IdlePolicy before = ThreadScheduler.IdlePolicyOf(1);
        Run("launch.poll");
        Assert.True(ThreadScheduler.IdlePolicyOf(1) == before, "CPU 1's idle policy is back");
        Run("event.ipi");
        Assert.True(ThreadScheduler.IdlePolicyOf(1) == before, "CPU 1's idle policy is back");
    }

    [Test]
    public static void WarmUpSamplesAreDroppedAndChecksCountFailures()
    {
        var r = new Result("x", new Config { Samples = 3, Warmup = 2 });
        Assert.False(r.Add(10));
        Assert.False(r.Add(11));
        Assert.True(r.Add(1));
        r.Expect("odd", true);
        Assert.True(r.Add(2));
        r.Expect("odd", false);
        Assert.True(r.Add(3));
        Assert.False(r.Add(4), "full");
        Assert.Equal(3, r.Count);
        Assert.Equal(1L, r.Samples[0]);
        Assert.False(r.AllChecksPassed, "a failed check is reported");
    }

    [Test]
    public static void ModeNamesTheMachine()
    {
        string mode = Nacre.Boot.Machine.Mode;
        Assert.True(mode == "qemu-tcg-ring0" || mode == "qemu-tcg-deprivileged" || mode.StartsWith("hvm-") || mode.StartsWith("kvm-"), "mode " + mode);
        Assert.True(mode.EndsWith(Nacre.Boot.Machine.Deprivileged ? "deprivileged" : "ring0"), "mode ends with the privilege");
    }
}
