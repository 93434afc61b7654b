using System.Diagnostics;

namespace Nacre.Hvm;

/// <summary>One point of a boot, as time since the call to <see cref="Hrt.Boot"/>/<see cref="Hrt.Start"/>.</summary>
/// <param name="Stage">What had just finished (docs/hvm.md "Boot timeline").</param>
/// <param name="InGuest">True for a stamp the guest took (its TSC, converted); false for the VMM's own.</param>
public readonly record struct BootMark(string Stage, TimeSpan At, bool InGuest);

/// <summary>
/// Where a boot's time goes: the VMM's own steps (Stopwatch stamps taken as they finish) and the
/// guest's stages, which the kernel stamps with its TSC into the page the boot info points at
/// (<see cref="GuestPhysical.TimelineAddress"/>). Guest stamps become host times through one anchor:
/// vCPU 0's TSC (KVM_GET_MSRS) read next to a Stopwatch stamp just before the vCPU first runs.
/// </summary>
internal sealed unsafe class BootTimeline(long startTimestamp)
{
    /// <summary>The kernel's BootStage values, in order (src/Kernel/Boot/BootTimeline.cs).</summary>
    public static readonly string[] GuestStages =
        ["guest entry", "memory", "runtime", "interrupts and time", "CPUs up", "Main", "ready (guest)"];

    private readonly List<(string Stage, long Timestamp)> _host = new(8);
    private long _anchorTimestamp;
    private ulong _anchorTsc, _tscKhz;

    /// <summary>A VMM step has just finished.</summary>
    public void Mark(string stage) => _host.Add((stage, Stopwatch.GetTimestamp()));

    /// <summary>The guest TSC's rate; without it the guest's stamps are not converted.</summary>
    public void SetTscKhz(ulong tscKhz) => _tscKhz = tscKhz;

    /// <summary>The guest's TSC read at <paramref name="timestamp"/>.</summary>
    public void Anchor(ulong guestTsc, long timestamp)
    {
        _anchorTsc = guestTsc;
        _anchorTimestamp = timestamp;
    }

    /// <summary>The VMM's marks, then the guest's stages that have a stamp in
    /// <paramref name="stamps"/> (null: none readable), ordered by time.
    /// <paramref name="mainTimestamp"/> is when the host saw the guest's "Main is starting" exit
    /// (0: not yet): if the KVM_GET_MSRS anchor puts the guest's Main stamp more than
    /// <see cref="AnchorTolerance"/> away from it (a guest whose rdtsc does not read the TSC KVM
    /// reports), the guest's stamps are anchored on that exit instead, one exit's latency late.</summary>
    public List<BootMark> Marks(ulong* stamps, long mainTimestamp)
    {
        var marks = _host.Select(m => new BootMark(m.Stage, Stopwatch.GetElapsedTime(startTimestamp, m.Timestamp), false)).ToList();
        if (stamps != null && _tscKhz != 0)
            marks.AddRange(GuestMarks(stamps, mainTimestamp));
        return [.. marks.OrderBy(m => m.At)];
    }

    public static readonly TimeSpan AnchorTolerance = TimeSpan.FromMilliseconds(1);

    private const int MainStage = 5;

    private List<BootMark> GuestMarks(ulong* stamps, long mainTimestamp)
    {
        var marks = new List<BootMark>(GuestStages.Length);
        ulong anchorTsc = _anchorTsc;
        long anchorTimestamp = _anchorTimestamp;
        var main = Volatile.Read(ref stamps[MainStage]);
        if (main != 0 && mainTimestamp != 0)
        {
            var predicted = anchorTsc == 0 ? (TimeSpan?)null : At(main, anchorTsc, anchorTimestamp);
            var seen = Stopwatch.GetElapsedTime(startTimestamp, mainTimestamp);
            if (predicted is not { } p || (p - seen).Duration() > AnchorTolerance)
                (anchorTsc, anchorTimestamp) = (main, mainTimestamp);
        }
        if (anchorTsc == 0)
            return marks;
        for (var i = 0; i < GuestStages.Length; i++)
        {
            var stamp = Volatile.Read(ref stamps[i]);
            if (stamp != 0)
                marks.Add(new BootMark(GuestStages[i], At(stamp, anchorTsc, anchorTimestamp), true));
        }
        return marks;
    }

    private TimeSpan At(ulong stamp, ulong anchorTsc, long anchorTimestamp)
    {
        // Signed: a stamp may precede the anchor (the anchor on Main), and must not wrap.
        var seconds = (long)(stamp - anchorTsc) / (_tscKhz * 1000.0);
        return Stopwatch.GetElapsedTime(startTimestamp, anchorTimestamp) + TimeSpan.FromSeconds(seconds);
    }
}
