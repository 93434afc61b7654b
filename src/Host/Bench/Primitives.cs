namespace Nacre.Host.Bench;

/// <summary>Where a result comes from: the kernel image, the C/pthreads program, or .NET in this process.</summary>
public enum Origin { Nacre, Linux, DotNet }

/// <summary>One row of a primitive's table: a source and the name of its result.</summary>
public sealed record SourceRef(Origin Origin, string Name, string Label);

/// <summary>
/// What a goal from the issue compares. FloorMultiple: the Nacre median as a multiple of the
/// cache-line round trip; MaxCycles: the Nacre median; TailRatio: Nacre's p99/median;
/// LinuxFactor: Linux's median / Nacre's; SlowdownAtMost: Nacre's median / Linux's (e.g. 1.02 =
/// "within 2%"); NotMeasurable: needs something this run cannot do.
/// </summary>
public enum GoalKind { FloorMultiple, MaxCycles, TailRatio, LinuxFactor, SlowdownAtMost, NotMeasurable }

public sealed record Goal(GoalKind Kind, double Limit, string Text);

/// <summary>A primitive: one table, one plot, rows from several sources, goals judged on the Nacre row.</summary>
public sealed record Primitive(string Id, string Title, bool CrossCpu, IReadOnlyList<SourceRef> Sources, IReadOnlyList<Goal> Goals)
{
    public SourceRef? Nacre => Sources.FirstOrDefault(s => s.Origin == Origin.Nacre);
    public SourceRef? Linux => Sources.FirstOrDefault(s => s.Origin == Origin.Linux);
}

/// <summary>
/// The primitives `nacre bench` reports, which results of each source measure the same operation
/// (docs/benchmarks.md has what each times exactly), and the goals for each.
/// </summary>
public static class Primitives
{
    public const string FloorId = "floor";

    private static SourceRef N(string name) => new(Origin.Nacre, name, "Nacre");
    private static SourceRef L(string name) => new(Origin.Linux, name, "Linux C");
    private static SourceRef D(string name, string label = ".NET") => new(Origin.DotNet, name, label);

    private static readonly Goal Tail = new(GoalKind.TailRatio, 1.3, "p99/median ≤ 1.3");
    private static readonly Goal HundredX = new(GoalKind.LinuxFactor, 100, "≥ 100× cheaper than Linux (median)");

    // The allocators' goals: at least as fast as glibc's malloc/free at the median, tails within 1.5×.
    private static readonly Goal AllocatorTail = new(GoalKind.TailRatio, 1.5, "p99/median ≤ 1.5");
    private static readonly Goal AsFastAsMalloc = new(GoalKind.SlowdownAtMost, 1.0, "median ≤ Linux's");

    private static Goal Floor(double multiple) => new(GoalKind.FloorMultiple, multiple, $"median ≤ {multiple:0.##}× the round-trip floor");

    public static IReadOnlyList<Primitive> All { get; } =
    [
        new(FloorId, "cache-line round trip between two CPUs (the physical floor)", true,
            [N("pingpong"), L("pingpong"), D("pingpong")], [Tail]),
        new("rdtsc", "two back-to-back rdtsc (inside every sample)", false,
            [N("rdtsc"), L("rdtsc"), D("rdtsc")], []),
        // A check of the clock, not a primitive: no floor multiple.
        new("tsc.skew", "TSC skew check: one-way there − one-way back (0 = clocks agree)", false,
            [N("tsc.skew"), L("tsc.skew")], []),
        new("launch.poll", "thread launch on another CPU, target polling: create → first instruction", true,
            [N("launch.poll"), L("launch"), D("launch", ".NET (unpinned)")], [Floor(1.0), HundredX, Tail]),
        new("launch.halt", "thread launch on another CPU, target halted", true,
            [N("launch.halt"), L("launch"), D("launch", ".NET (unpinned)")], [HundredX, Tail]),
        new("createjoin", "thread create + join on one CPU", false,
            [N("createjoin"), L("createjoin"), D("createjoin")], [new(GoalKind.MaxCycles, 1000, "median ≤ 1,000 cycles"), Tail]),
        new("yield", "context switch: yield ping-pong on one CPU, one switch", false,
            [N("yield"), L("yield"), D("yield")], [new(GoalKind.MaxCycles, 150, "median ≤ 150 cycles"), Tail]),
        new("condvar.poll", "condvar signal → wake on another CPU, waker's CPU polling", true,
            [N("condvar.poll"), L("condvar"), D("monitor", ".NET Monitor"), D("semaphoreslim", ".NET SemaphoreSlim")], [Floor(0.75), HundredX, Tail]),
        new("condvar.halt", "condvar signal → wake on another CPU, waiting CPU halted", true,
            [N("condvar.halt"), L("condvar"), D("monitor", ".NET Monitor"), D("semaphoreslim", ".NET SemaphoreSlim")], [HundredX, Tail]),
        new("broadcast.poll", "condvar broadcast → last wake, all other CPUs polling", true,
            [N("broadcast.poll"), L("broadcast"), D("pulseall", ".NET PulseAll")], [HundredX, Tail]),
        new("broadcast.halt", "condvar broadcast → last wake, all other CPUs halted", true,
            [N("broadcast.halt"), L("broadcast"), D("pulseall", ".NET PulseAll")], [HundredX, Tail]),
        new("barrier.poll", "barrier round on all CPUs (sleeping barrier), idle CPUs polling", true,
            [N("barrier.poll"), L("barrier"), D("barrier", ".NET Barrier")], [HundredX, Tail]),
        new("barrier.halt", "barrier round on all CPUs (sleeping barrier), idle CPUs halted", true,
            [N("barrier.halt"), L("barrier"), D("barrier", ".NET Barrier")], [HundredX, Tail]),
        new("corebarrier", "barrier round on all CPUs, spinning barrier", true,
            [N("corebarrier"), L("spinbarrier")], [Tail]),
        new("event.poll", "event notify to one CPU, polling path (no IPI)", true,
            [N("event.poll")], [Floor(0.75), Tail]),
        new("event.ipi", "event notify to one CPU, IPI path (target halted)", true,
            [N("event.ipi")], [Tail]),
        new("eventbcast.poll", "event broadcast to all other CPUs, polling path", true,
            [N("eventbcast.poll")], [Tail]),
        new("eventbcast.ipi", "event broadcast to all other CPUs, IPI path", true,
            [N("eventbcast.ipi")], [Tail]),
        new("hypercall.kick", "HVM hypercall round trip: kick of a CPU that is not parked (deprivileged only)", false,
            [N("hypercall.kick")], [Tail]),
        new("hypercall.park", "HVM park hypercall answered at once (deadline past): exit + KVM_GET_LAPIC", false,
            [N("hypercall.park")], [Tail]),
        new("timer.10us", "one-shot timer callback lateness, 10 µs", false, [N("timer.10us")], [Tail]),
        new("timer.100us", "one-shot timer callback lateness, 100 µs", false, [N("timer.100us")], [Tail]),
        new("sleep.10us", "thread sleep lateness, 10 µs", false, [N("sleep.10us"), L("nanosleep.10us")], [Tail]),
        new("sleep.100us", "thread sleep lateness, 100 µs", false, [N("sleep.100us"), L("nanosleep.100us")], [Tail]),
        new("page.alloc", "page allocation: buddy order 0 / mmap 4 KiB populated", false, [N("buddy.alloc"), L("mmap")], [Tail]),
        new("page.free", "page free: buddy order 0 / munmap 4 KiB", false, [N("buddy.free"), L("munmap")], [Tail]),
        new("heap.alloc", "heap allocation, 64 bytes: Heap.Alloc / malloc", false, [N("heap.alloc"), L("malloc")], [AsFastAsMalloc, AllocatorTail]),
        new("heap.free", "heap free, 64 bytes: Heap.Free / free", false, [N("heap.free"), L("free")], [AsFastAsMalloc, AllocatorTail]),
        new("trace.off", "trace event with tracing off: the flag test at a record site", false,
            [N("trace.off")], [new(GoalKind.MaxCycles, 1, "median ≤ 1 cycle (zero when off)")]),
        new("trace.on", "trace event with tracing on: stamp and store into the CPU's ring", false,
            [N("trace.on")], [new(GoalKind.MaxCycles, 20, "median ≤ 20 cycles")]),
        new("throw.1", "exception thrown and caught one frame up (preallocated exception)", false, [N("throw.1"), D("throw.1")], []),
        new("throw.10", "exception thrown and caught ten frames up", false, [N("throw.10"), D("throw.10")], []),
        new("call.10", "the same ten-frame call chain under a try, no throw", false, [N("call.10"), D("call.10")], []),
        new("invoke", "HVM invoke round trip (host → HRT function → host)", true,
            [], [new(GoalKind.NotMeasurable, 1.5, "median ≤ 1.5× the round-trip floor (measured by nacre bench hvm, on the host side)")]),
    ];
}
