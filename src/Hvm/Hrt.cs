using System.Diagnostics;
using Nacre.Hvm.Kvm;

namespace Nacre.Hvm;

internal enum StopKind { Exited, Fault, Timeout, Disposed }

/// <summary>Why the VM stopped. The first reason wins; later ones are ignored.</summary>
internal sealed record StopReason(StopKind Kind, int Cpu, string Message, int ExitCode = 0, HrtRegisters? Registers = null);

/// <summary>
/// An HRT running in a KVM VM of this process (docs/hvm.md). <see cref="Boot"/> starts it and
/// returns once it is ready for invokes; <see cref="Start"/> + <see cref="WaitForExitAsync()"/>
/// run it to its exit. Any failure (panic, fault, timeout) stops the VM and tears it down; the
/// process stays healthy, and later calls throw <see cref="HrtExitedException"/> whose
/// InnerException is the original failure. Guest RAM and the arena stay mapped until Dispose.
/// </summary>
public sealed unsafe partial class Hrt : IDisposable
{
    private const int Running = 0, Stopping = 1, Stopped = 2;

    private readonly HrtOptions _options;
    private readonly GuestLayout _layout;
    private readonly IReadOnlyList<LoadedModule> _modules;
    private readonly long _startTimestamp;
    private readonly ManualResetEventSlim _bootEvent = new();
    private readonly ManualResetEventSlim _allStarted = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private KvmVm? _vm;
    private VcpuRunner[] _runners = [];
    private MailboxSlot[] _slots = [];
    private HostMemory? _ram;
    private HostMemory? _arenaMemory;

    private Thread? _teardownThread;
    private int _state = Running;
    private StopReason? _reason;
    private Exception? _cause;
    private int _causeClaimed;
    private int _disposed;
    private long _setupTimestamp, _mainTimestamp, _readyTimestamp;
    private readonly BootTimeline _timeline;
    private bool _fsGsBase;

    /// <summary>
    /// True when the host has no core for a waiting caller beside one per vCPU (vCPUs + 1 &gt; the
    /// CPUs this process may run on: polling vCPUs each keep one busy). A caller spinning there
    /// would hold the core a vCPU thread needs to finish the call until the host's scheduler
    /// preempts it (milliseconds), so it spins briefly, then yields (sched_yield) between looks at
    /// the mailbox: a runnable vCPU thread on its core runs first (docs/hvm.md, Invokes).
    /// </summary>
    private readonly bool _callerYields;

    private Hrt(HrtImage image, HrtOptions options, GuestLayout layout, IReadOnlyList<LoadedModule> modules, long startTimestamp)
    {
        _modules = modules;
        Image = image;
        _options = options;
        _layout = layout;
        _startTimestamp = startTimestamp;
        _timeline = new BootTimeline(startTimestamp);
        Privilege = options.EffectivePrivilege;
        Console = new ConsoleLog(options.Cpus, options.ConsoleLine);
        Parking = new VcpuParking(options.Cpus);
        Arena = new Arena(null, 0);
        _callerYields = options.Cpus + 1 > AllowedCpus().Count;
    }

    public HrtImage Image { get; }
    public int Cpus => _options.Cpus;
    public PrivilegeMode Privilege { get; }
    public IdleMode Idle => _options.Idle;
    public Arena Arena { get; private set; }
    internal ConsoleLog Console { get; }
    internal VcpuParking Parking { get; }
    /// <summary>The guest's TSC rate (KVM_GET_TSC_KHZ), known once the vCPUs exist.</summary>
    internal long TscKhz { get; private set; }

    /// <summary>
    /// How often <paramref name="cpu"/> parked in the VMM (paravirtual idle, deprivileged mode
    /// with <see cref="IdleMode.Halt"/>) and what ended each park; kicks it received.
    /// </summary>
    public ParkCounters ParkCounters(int cpu) =>
        (uint)cpu < (uint)Cpus ? Parking.Counters(cpu) : throw new ArgumentOutOfRangeException(nameof(cpu), cpu, $"the HRT has vCPUs 0 to {Cpus - 1}");

    /// <summary>True until the VM has been asked to stop (exit, failure, timeout or Dispose).</summary>
    public bool IsRunning => Volatile.Read(ref _state) == Running;

    /// <summary>The guest's last console lines (up to 50), oldest first.</summary>
    public IReadOnlyList<string> LastConsoleLines => Console.LastLines();

    public BootTimings Timings => new()
    {
        Setup = Elapsed(_setupTimestamp) ?? TimeSpan.Zero,
        MainStarted = Elapsed(Volatile.Read(ref _mainTimestamp)),
        Ready = Elapsed(Volatile.Read(ref _readyTimestamp)),
        Stages = BootMarks(),
    };

    /// <summary>The VMM's set-up steps and the guest's stamped stages (docs/hvm.md "Boot timeline");
    /// the guest's only while guest RAM is mapped (until Dispose).</summary>
    private List<BootMark> BootMarks()
    {
        var stamps = _ram is { } ram && ram.Pointer != null ? (ulong*)(ram.Pointer + GuestPhysical.TimelineAddress) : null;
        var marks = _timeline.Marks(stamps, Volatile.Read(ref _mainTimestamp));
        if (Volatile.Read(ref _readyTimestamp) is var ready and not 0)
            marks.Add(new BootMark("ready (host)", Stopwatch.GetElapsedTime(_startTimestamp, ready), false));
        return marks;
    }

    private TimeSpan? Elapsed(long timestamp) =>
        timestamp == 0 ? null : Stopwatch.GetElapsedTime(_startTimestamp, timestamp);

    /// <summary>Whether this machine can run HRTs; if not, <paramref name="reason"/> says why.</summary>
    public static bool IsKvmUsable(out string reason)
    {
        using var device = KvmDevice.TryOpen(out reason);
        if (device is null)
            return false;
        foreach (var (capability, name) in new[] { (KvmCap.Irqchip, "KVM_CAP_IRQCHIP"), (KvmCap.UserMemory, "KVM_CAP_USER_MEMORY"), (KvmCap.ImmediateExit, "KVM_CAP_IMMEDIATE_EXIT") })
        {
            if (device.CheckExtension(capability) <= 0)
            {
                reason = $"{KvmDevice.Path} lacks {name}, which Nacre's HVM needs";
                return false;
            }
        }
        try
        {
            device.CreateVm().Dispose();
        }
        catch (HrtException e)
        {
            reason = e.Message;
            return false;
        }
        return true;
    }

    /// <summary>Boots the HRT and returns once it has stored "ready for invoke". Throws the failure
    /// (with the VM torn down) if it panics, faults, exits or is not ready within
    /// <see cref="HrtOptions.BootTimeout"/>.</summary>
    public static Hrt Boot(string imagePath, HrtOptions? options = null)
    {
        options ??= new HrtOptions();
        if (!options.Serve)
            throw new ArgumentException("Boot waits for the HRT to be ready for invokes, which needs Serve; use Start and WaitForExitAsync to run an HRT to its exit", nameof(options));
        var hrt = Start(imagePath, options);
        if (!hrt._bootEvent.Wait(options.BootTimeout))
        {
            var reached = Volatile.Read(ref hrt._mainTimestamp) != 0 ? "it reached Main but" : "it did not reach Main and";
            hrt.RequestStop(new StopReason(StopKind.Timeout, 0, $"the HRT was not ready within {Format(options.BootTimeout)} ({reached} did not report ready)"));
        }
        if (!hrt.IsRunning)
        {
            var error = hrt.StoppedError(inFlight: true);
            hrt.Dispose();
            throw error;
        }
        return hrt;
    }

    /// <summary>Creates the VM and starts every vCPU at the image's HVM entry; returns at once.</summary>
    public static Hrt Start(string imagePath, HrtOptions? options = null)
    {
        var start = Stopwatch.GetTimestamp();
        options ??= new HrtOptions();
        options.Validate();
        var image = HrtImage.Load(imagePath);
        var modules = LoadModules(options.Modules);
        var layout = GuestLayout.Plan(image, options.Cpus, options.MemoryBytes, [.. modules.Select(m => (long)m.Bytes.Length)]);
        var kvm = KvmHost.Shared;
        var hrt = new Hrt(image, options, layout, modules, start);
        try
        {
            hrt.Setup(kvm);
        }
        catch
        {
            hrt.Dispose();
            throw;
        }
        return hrt;
    }

    private void Setup(KvmHost kvm)
    {
        _timeline.Mark("image read");
        _ram = HostMemory.Map((ulong)_options.MemoryBytes, 2 * (ulong)HrtOptions.MiB, "guest RAM");
        if (_options.ArenaBytes > 0)
        {
            _arenaMemory = HostMemory.Map((ulong)_options.ArenaBytes, 2 * (ulong)HrtOptions.MiB, "the arena");
            var arenaStart = (ulong)_arenaMemory.Pointer;
            if (arenaStart < GuestLayout.IdentityMapEnd || arenaStart + _arenaMemory.Bytes > 0x0000_8000_0000_0000)
                throw new HrtException($"the arena landed at host address 0x{arenaStart:X}, which the guest cannot map at the same address (it must lie between 4 GiB and 128 TiB)");
            Arena = new Arena(_arenaMemory.Pointer, _options.ArenaBytes);
        }

        _timeline.Mark("host memory mapped");

        _vm = kvm.Device.CreateVm();
        _timeline.Mark("KVM_CREATE_VM");
        _vm.SetTssAddress(GuestLayout.KvmTssAddress);
        _vm.SetMemoryRegion(0, 0, _ram.Bytes, _ram.Pointer);
        if (_arenaMemory is not null)
            _vm.SetMemoryRegion(1, GuestPhysical.ArenaPhysical, _arenaMemory.Bytes, _arenaMemory.Pointer);
        _timeline.Mark("memory slots");
        _vm.CreateIrqchip();
        _timeline.Mark("KVM_CREATE_IRQCHIP");

        var cpuid = kvm.SupportedCpuid;
        _fsGsBase = kvm.FsGsBase;
        var mmapSize = kvm.VcpuMmapSize;
        var pinning = _options.PinVcpus ? AllowedCpus() : null;
        var runners = new List<VcpuRunner>();
        _runners = [];
        for (var cpu = 0; cpu < Cpus; cpu++)
        {
            var vcpu = _vm.CreateVcpu(cpu, mmapSize);
            runners.Add(new VcpuRunner(this, vcpu, pinning?[cpu % pinning.Count]));
            _runners = [.. runners];
            vcpu.SetCpuid(CpuidFor(cpuid, cpu));
        }
        _timeline.Mark("vCPUs created");

        TscKhz = _runners[0].Vcpu.TscKhz;
        var parameters = new BootParameters(
            Cpus, Privilege == PrivilegeMode.Deprivileged, Idle == IdleMode.Halt, _options.Serve,
            (ulong)TscKhz, (ulong)Arena.Base, (ulong)Arena.Size, _options.CommandLine);
        BootStructures.Write(_ram.Pointer, _layout, Image, parameters, _modules);
        _slots = [.. Enumerable.Range(0, Cpus).Select(cpu => new MailboxSlot(cpu, (InvokeMailbox*)(_ram.Pointer + GuestLayout.MailboxAddress(cpu))))];

        _options.Upcalls?.Attach(new HrtUpcallContext(_ram.Pointer + GuestPhysical.UpcallPageAddress, _arenaMemory is null ? null : _arenaMemory.Pointer, _options.ArenaBytes));
        _timeline.Mark("guest RAM written");
        foreach (var runner in _runners)
            SetEntryState(runner.Vcpu);
        // The anchor that turns the guest's TSC stamps into host times (one ioctl, a few µs).
        _timeline.SetTscKhz(parameters.TscKhz);
        if (_runners[0].Vcpu.TryGetMsr(Kvm.KvmIoctl.MsrTsc, out var tsc))
            _timeline.Anchor(tsc, Stopwatch.GetTimestamp());
        _timeline.Mark("vCPU registers set");
        _setupTimestamp = Stopwatch.GetTimestamp();
        foreach (var runner in _runners)
            runner.Start();
        _timeline.Mark("vCPU threads started");
        _allStarted.Set();
    }

    /// <summary>Reads every module file up front, so that a missing one fails before any VM exists.</summary>
    private static IReadOnlyList<LoadedModule> LoadModules(IReadOnlyList<HrtModule> modules)
    {
        var loaded = new List<LoadedModule>();
        foreach (var module in modules)
        {
            try
            {
                loaded.Add(new LoadedModule(module.Name, File.ReadAllBytes(module.Path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new HrtException($"module {module.Path}: {e.Message}");
            }
        }
        return loaded;
    }

    /// <summary>vCPU threads enter KVM_RUN only once every one of them exists, so that a vCPU that
    /// fails at once cannot start a teardown while Setup is still creating threads.</summary>
    internal void WaitUntilAllVcpusStarted() => _allStarted.Wait();

    /// <summary>docs/hvm.md "vCPU state at entry".</summary>
    private void SetEntryState(KvmVcpu vcpu)
    {
        var cpu = vcpu.Index;
        var s = vcpu.GetSregs();
        var code = new KvmSegment { Base = 0, Limit = 0xFFFF_FFFF, Selector = GuestPhysical.KernelCode, Type = 0xB, Present = 1, S = 1, L = 1, G = 1 };
        var data = new KvmSegment { Base = 0, Limit = 0xFFFF_FFFF, Selector = GuestPhysical.KernelData, Type = 0x3, Present = 1, S = 1, Db = 1, G = 1 };
        s.Cs = code;
        s.Ds = s.Es = s.Fs = s.Gs = s.Ss = data;
        s.Tr = new KvmSegment { Base = GuestLayout.TssAddress(cpu), Limit = (uint)GuestLayout.TssLimit, Selector = GuestLayout.TssSelector(cpu), Type = 0xB, Present = 1 };
        s.Ldt = new KvmSegment { Type = 0x2, Unusable = 1 };
        s.Gdt = new KvmDtable { Base = GuestPhysical.GdtAddress, Limit = BootStructures.GdtLimit(Cpus) };
        s.Idt = new KvmDtable { Base = 0, Limit = 0 };
        s.Cr0 = 0x1 | 0x2 | 0x10 | 0x20 | 0x1_0000 | 0x8000_0000;  // PE MP ET NE WP PG
        s.Cr4 = 0x20 | 0x80 | 0x200 | 0x400;                         // PAE PGE OSFXSR OSXMMEXCPT
        if (_fsGsBase)
            s.Cr4 |= 0x1_0000;                                        // FSGSBASE: threads' FS bases (docs/hvm.md)
        s.Efer = 0x1 | 0x100 | 0x400 | 0x800;                        // SCE LME LMA NXE
        s.Cr3 = GuestPhysical.PageTablesBase;
        s.Cr2 = 0;
        vcpu.SetSregs(s);

        vcpu.SetRegs(new KvmRegs
        {
            Rip = Image.HvmEntry,
            Rsp = _layout.BootStackTop(cpu),
            Rdi = GuestPhysical.BootInfoAddress,
            Rsi = (ulong)cpu,
            Rdx = _layout.RingZeroStackTop(cpu),
            Rflags = 0x2,
        });
        vcpu.SetMpState(KvmMp.Runnable);
    }

    /// <summary>The supported CPUID with this vCPU's initial APIC id (= its index).</summary>
    private static KvmCpuidEntry2[] CpuidFor(KvmCpuidEntry2[] supported, int cpu)
    {
        var entries = (KvmCpuidEntry2[])supported.Clone();
        var id = (uint)cpu;
        for (var i = 0; i < entries.Length; i++)
        {
            ref var e = ref entries[i];
            switch (e.Function)
            {
                case 0x1:
                    e.Ebx = (e.Ebx & 0x00FF_FFFF) | (id << 24);
                    break;
                case 0xB or 0x1F:
                    e.Edx = id;
                    break;
                case 0x8000_001E:
                    e.Eax = id;
                    break;
            }
        }
        return entries;
    }

    private static List<int> AllowedCpus()
    {
        var set = default(Libc.CpuSet);
        if (Libc.SchedGetaffinity(0, (nuint)sizeof(Libc.CpuSet), &set) != 0)
            throw Ioctls.Failed("sched_getaffinity");
        var cpus = new List<int>();
        for (var cpu = 0; cpu < 1024; cpu++)
            if (set.Contains(cpu))
                cpus.Add(cpu);
        return cpus;
    }

    // ---- Events from the vCPU threads ----

    internal void MainStarted(long timestamp) => Interlocked.CompareExchange(ref _mainTimestamp, timestamp, 0);

    internal void BecameReady(long timestamp, long mainResult)
    {
        if (Interlocked.CompareExchange(ref _readyTimestamp, timestamp, 0) == 0)
        {
            MainResult = mainResult;
            _bootEvent.Set();
        }
    }

    /// <summary>What Main returned, as the HRT reported it with "ready".</summary>
    public long MainResult { get; private set; }

    internal void GuestExited(int cpu, int code, HrtRegisters? registers) =>
        RequestStop(new StopReason(StopKind.Exited, cpu, $"the HRT exited with code {code}", code, registers));

    internal IHrtUpcalls? Upcalls => _options.Upcalls;

    internal void VcpuFailed(int cpu, string message, HrtRegisters? registers) =>
        RequestStop(new StopReason(StopKind.Fault, cpu, message, 0, registers));

    /// <summary>A host pointer to guest virtual [address, address+length): identity-mapped RAM or the arena.</summary>
    internal byte* GuestPointer(ulong address, ulong length)
    {
        var ram = _ram!;
        if (address <= ram.Bytes && length <= ram.Bytes - address)
            return ram.Pointer + address;
        var arena = (ulong)Arena.Size;
        var arenaStart = (ulong)_arenaMemory?.Pointer;
        if (arena > 0 && address >= arenaStart && address - arenaStart <= arena && length <= arena - (address - arenaStart))
            return (byte*)address;
        return null;
    }

    // ---- Stopping and teardown ----

    /// <summary>Stops the VM for <paramref name="reason"/> unless it is already stopping; the
    /// teardown (joining the vCPU threads, closing KVM) runs in the background.</summary>
    internal bool RequestStop(StopReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is not null)
            return false;
        Volatile.Write(ref _state, Stopping);
        foreach (var runner in _runners)
            runner.Kick();
        Parking.Stop();
        _allStarted.Set(); // threads still waiting to start see their stop flag and leave
        // On its own thread: the caller may be a vCPU thread (which the teardown joins) or an
        // invoker that still owns a mailbox (which the teardown takes).
        _teardownThread = new Thread(TearDown) { IsBackground = true, Name = "HRT teardown" };
        _teardownThread.Start();
        return true;
    }

    private void TearDown()
    {
        var reason = _reason!;
        try
        {
            foreach (var runner in _runners)
                runner.Join();
            var registers = reason.Registers;
            if (registers is null && reason.Kind == StopKind.Timeout && reason.Cpu < _runners.Length)
                registers = _runners[reason.Cpu].Snapshot();
            Console.Flush();
            _cause = BuildCause(reason, registers);

            // Take every mailbox for good: after this nothing on the host touches guest RAM or the VM fd.
            var spin = new SpinWait();
            foreach (var slot in _slots)
                while (!slot.TryAcquire())
                    spin.SpinOnce();
            foreach (var runner in _runners)
                runner.Vcpu.Dispose();
            _vm?.Dispose();
        }
        catch (Exception e)
        {
            _cause ??= new HrtException($"tearing down the VM failed: {e.Message}", inner: e);
        }
        finally
        {
            Volatile.Write(ref _state, Stopped);
            if (reason.Kind == StopKind.Exited)
                _exit.TrySetResult(reason.ExitCode);
            else
            {
                _exit.TrySetException(_cause ?? new HrtExitedException("the HRT was disposed before it exited", Console.LastLines(), null));
                _ = _exit.Task.Exception; // observed: nobody may be waiting for the exit
            }
            _stopped.TrySetResult();
            _bootEvent.Set();
        }
    }

    private HrtException? BuildCause(StopReason reason, HrtRegisters? registers)
    {
        var lines = Console.LastLines();
        return reason.Kind switch
        {
            StopKind.Exited when reason.ExitCode == KernelExitCode.Panic => new HrtPanicException(
                $"the HRT panicked (exit code {KernelExitCode.Panic} from vCPU {reason.Cpu}); its last console lines:\n" +
                string.Join('\n', lines.TakeLast(20).Select(l => "  " + l)), registers, lines),
            StopKind.Fault => new HrtFaultException(reason.Message, registers, lines),
            StopKind.Timeout => new HrtTimeoutException(reason.Message, registers, lines),
            _ => null,
        };
    }

    /// <summary>The exception for a call that finds the VM stopped. The failure itself is thrown
    /// once, by the first call that was in flight when it happened; every other call gets an
    /// <see cref="HrtExitedException"/> wrapping it.</summary>
    private Exception StoppedError(bool inFlight)
    {
        _stopped.Task.Wait();
        var cause = _cause;
        if (cause is not null && inFlight && Interlocked.Exchange(ref _causeClaimed, 1) == 0)
            return cause;
        var reason = _reason!;
        var message = reason.Kind switch
        {
            StopKind.Exited when reason.ExitCode != KernelExitCode.Panic => Volatile.Read(ref _readyTimestamp) == 0
                ? $"the HRT exited with code {reason.ExitCode} before it was ready for invokes"
                : $"the HRT has exited (code {reason.ExitCode})",
            StopKind.Disposed => "the HRT has been disposed",
            _ => $"the HRT is no longer running: {(cause as HrtException)?.Summary ?? reason.Message}",
        };
        return new HrtExitedException(message, Console.LastLines(), cause);
    }

    /// <summary>Runs to the guest's exit and returns its exit code (127 is a panic). Throws the
    /// failure if the VM faulted or timed out, or <see cref="HrtExitedException"/> if it was disposed.</summary>
    public Task<int> WaitForExitAsync() => _exit.Task;

    /// <summary>Stops the VM (if it still runs), tears it down and unmaps guest RAM and the arena.
    /// Pointers into the arena are invalid afterwards.</summary>
    public void Dispose()
    {
        if (_runners.Any(r => r.IsCurrentThread))
            throw new InvalidOperationException("an HRT cannot be disposed from one of its own vCPU threads (e.g. in a ConsoleLine callback)");
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        RequestStop(new StopReason(StopKind.Disposed, -1, "disposed"));
        _stopped.Task.Wait();
        _teardownThread?.Join();
        StopAsyncInvoker();
        _options.Upcalls?.Detach();
        Arena.Invalidate();
        _ram?.Dispose();
        _arenaMemory?.Dispose();
        _bootEvent.Dispose();
        _allStarted.Dispose();
    }

    internal static string Format(TimeSpan time) =>
        time.TotalSeconds >= 1 ? $"{time.TotalSeconds:0.##} s" : $"{time.TotalMilliseconds:0.###} ms";
}
