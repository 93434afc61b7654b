using System.Diagnostics;
using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// The VMM's side of the boot timeline (docs/hvm.md): its own marks, and the guest's TSC stamps
/// turned into host times through the KVM_GET_MSRS anchor, or through the "Main" exit when that
/// anchor disagrees with the guest's clock. No KVM needed: the stamps are written by hand.
/// </summary>
public sealed unsafe class BootTimelineTests
{
    private const ulong TscKhz = 2_000_000; // 2 GHz: 2,000 cycles per µs

    private static long Ticks(double us) => (long)(us * Stopwatch.Frequency / 1e6);

    [Fact]
    public void GuestStampsBecomeHostTimesThroughTheAnchor()
    {
        var start = Stopwatch.GetTimestamp();
        var timeline = new BootTimeline(start);
        timeline.SetTscKhz(TscKhz);
        timeline.Anchor(1_000_000, start + Ticks(200));           // guest TSC 1e6 at +200 µs
        var stamps = stackalloc ulong[BootTimeline.GuestStages.Length];
        stamps[0] = 1_000_000 + 2_000 * 50;                        // entry: +250 µs
        stamps[1] = 1_000_000 + 2_000 * 450;                       // memory: +650 µs
        stamps[5] = 1_000_000 + 2_000 * 600;                       // Main: +800 µs

        var marks = timeline.Marks(stamps, start + Ticks(805));    // the host saw Main 5 µs later
        Assert.Equal(["guest entry", "memory", "Main"], marks.Select(m => m.Stage));
        Assert.All(marks, m => Assert.True(m.InGuest));
        Assert.Equal(250, marks[0].At.TotalMicroseconds, 0.5);
        Assert.Equal(650, marks[1].At.TotalMicroseconds, 0.5);
        Assert.Equal(800, marks[2].At.TotalMicroseconds, 0.5);
    }

    [Fact]
    public void AnAnchorThatDisagreesWithMainIsReplacedByTheMainExit()
    {
        var start = Stopwatch.GetTimestamp();
        var timeline = new BootTimeline(start);
        timeline.SetTscKhz(TscKhz);
        timeline.Anchor(5, start + Ticks(100));                    // a TSC the guest's rdtsc does not read
        var stamps = stackalloc ulong[BootTimeline.GuestStages.Length];
        stamps[0] = 9_000_000_000;
        stamps[5] = 9_000_000_000 + 2_000 * 300;                   // Main 300 µs after entry

        var marks = timeline.Marks(stamps, start + Ticks(1000));
        Assert.Equal(1000, marks.Single(m => m.Stage == "Main").At.TotalMicroseconds, 0.5);
        Assert.Equal(700, marks.Single(m => m.Stage == "guest entry").At.TotalMicroseconds, 0.5);
    }

    [Fact]
    public void HostMarksComeInTimeOrderAndGuestStampsNeedARate()
    {
        var start = Stopwatch.GetTimestamp();
        var timeline = new BootTimeline(start);
        timeline.Mark("KVM_CREATE_VM");
        timeline.Mark("vCPU threads started");
        var stamps = stackalloc ulong[BootTimeline.GuestStages.Length];
        stamps[0] = 123;
        var marks = timeline.Marks(stamps, 0);                     // no TSC rate: guest stamps unusable
        Assert.Equal(["KVM_CREATE_VM", "vCPU threads started"], marks.Select(m => m.Stage));
        Assert.All(marks, m => Assert.False(m.InGuest));
        Assert.True(marks[0].At <= marks[1].At);
        Assert.Empty(new BootTimeline(start).Marks(null, 0));
    }

    [Fact]
    public void TheGuestStagesMatchTheKernelsEnum()
    {
        // src/Kernel/Boot/BootTimeline.cs: one name per BootStage, in its order.
        var kernel = File.ReadAllText(Path.Combine(Support.Repository.Root, "src/Kernel/Boot/BootTimeline.cs"));
        Assert.Contains($"StageCount = {BootTimeline.GuestStages.Length};", kernel);
        Assert.Contains("Ready = 6,", kernel);
        Assert.Contains("Main = 5,", kernel);
    }
}
