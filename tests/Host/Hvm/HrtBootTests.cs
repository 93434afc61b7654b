using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// Booting the HVM test guest (tests/Fixtures/HvmAsmGuest/guest.S): console, command line, timings, the
/// vCPU entry state and boot info of docs/hvm.md, the ring-0 ports, running to an exit.
/// </summary>
public sealed unsafe class HrtBootTests
{
    internal static HrtOptions Options(List<string>? console = null, int cpus = 1) => new()
    {
        Cpus = cpus,
        Privilege = PrivilegeMode.Deprivileged,
        CommandLine = "alpha beta=2",
        ConsoleLine = console is null ? null : line => { lock (console) console.Add(line); },
    };

    [KvmFact]
    public void BootPrintsToTheConsoleAndBecomesReady()
    {
        var console = new List<string>();
        using var hrt = Hrt.Boot(HvmGuest.Ring3, Options(console));

        Assert.Equal(["hello from the HVM test guest", "cmdline: alpha beta=2"], console);
        Assert.Equal(console, hrt.LastConsoleLines);
        Assert.True(hrt.IsRunning);
        var timings = hrt.Timings;
        Assert.NotNull(timings.MainStarted);
        Assert.NotNull(timings.Ready);
        Assert.InRange(timings.Ready!.Value, timings.MainStarted!.Value, TimeSpan.FromSeconds(10));
    }

    [KvmFact]
    public void EveryVcpuStartsInTheDocumentedState()
    {
        using var hrt = Hrt.Boot(HvmGuest.Ring3, Options(cpus: 2));
        var layout = GuestLayout.Plan(hrt.Image, 2, new HrtOptions().MemoryBytes);
        var entry = hrt.Resolve("Entry");

        for (var cpu = 0; cpu < 2; cpu++)
        {
            long Saved(int index) => entry.Invoke(0, cpu, index);
            Assert.Equal(0x2000, Saved(0));                                    // RDI: boot info
            Assert.Equal(cpu, Saved(1));                                       // RSI: vCPU index
            Assert.Equal((long)layout.RingZeroStackTop(cpu), Saved(2));        // RDX: ring-0 stack top
            Assert.Equal((long)layout.BootStackTop(cpu), Saved(3));            // RSP: boot stack top
            Assert.Equal(0x08, Saved(4));                                      // CS
            Assert.Equal(0x10, Saved(5));                                      // SS
            Assert.Equal(0x8001_0033, Saved(6));                               // CR0: PE MP ET NE WP PG
            Assert.Equal(0x1_0000, Saved(7));                                  // CR3
            Assert.Equal(0x6A0, Saved(8));                                     // CR4: PAE PGE OSFXSR OSXMMEXCPT
            Assert.Equal(0xD01, Saved(9));                                     // EFER: SCE LME LMA NXE
            Assert.Equal(0x2, Saved(10));                                      // RFLAGS
            Assert.Equal(cpu, hrt.Resolve("Cpu").Invoke(cpu));
        }
    }

    [KvmFact]
    public void BootInfoFollowsTheProtocol()
    {
        using var hrt = Hrt.Boot(HvmGuest.Ring3, Options(cpus: 2));
        var info = hrt.GuestPointer(0x2000, 0x1000);
        var layout = GuestLayout.Plan(hrt.Image, 2, new HrtOptions().MemoryBytes);

        Assert.Equal(0x314D56485243414EUL, *(ulong*)info);                     // "NACRHVM1"
        Assert.Equal(2u, *(uint*)(info + 0x08));
        Assert.Equal(2u, *(uint*)(info + 0x0C));
        Assert.Equal(1u | 4u, *(uint*)(info + 0x10));                          // deprivileged, serve; polling
        Assert.True(*(ulong*)(info + 0x20) > 100_000, "TscKhz should come from KVM_GET_TSC_KHZ");
        Assert.Equal(0x1_0000_0000UL, *(ulong*)(info + 0x28));
        Assert.Equal((ulong)hrt.Arena.Base, *(ulong*)(info + 0x30));
        Assert.Equal(64UL << 20, *(ulong*)(info + 0x38));
        Assert.Equal("alpha beta=2", new string((sbyte*)hrt.GuestPointer(*(ulong*)(info + 0x40), 1)));
        Assert.Equal(0x6000UL, *(ulong*)(info + 0x48));
        Assert.Equal(0xFEB0_0000UL, *(ulong*)(info + 0x50));
        Assert.Equal(1_000_000_000UL, *(ulong*)(info + 0x58));
        Assert.Equal(0u, *(uint*)(info + 0x60));                               // no modules
        Assert.Equal(0x7000UL, *(ulong*)(info + 0x68));

        var map = new List<(ulong, ulong, uint)>();
        var entries = (ulong*)hrt.GuestPointer(*(ulong*)(info + 0x18), 24 * 8);
        for (var i = 0; i < *(uint*)(info + 0x14); i++)
            map.Add((entries[3 * i], entries[3 * i + 1], (uint)entries[3 * i + 2]));
        Assert.Equal([
            (0UL, 0x2_0000UL, 2u),
            (0x2_0000UL, 0x10_0000UL - 0x2_0000, 1u),
            (0x10_0000UL, layout.StacksEnd - 0x10_0000, 2u),
            (layout.StacksEnd, (256UL << 20) - layout.StacksEnd, 1u)], map);
    }

    [KvmFact]
    public void RingZeroModeTakesTheQemuStylePorts()
    {
        var console = new List<string>();
        var options = Options(console);
        options.Privilege = PrivilegeMode.Ring0;
        options.Serve = false;
        using var hrt = Hrt.Start(HvmGuest.Get("PORTS", "EXITVALUE=5"), options);

        Assert.Equal(5, hrt.WaitForExitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult());
        Assert.Equal(["hello through COM1"], console);
        Assert.False(hrt.IsRunning);
    }

    [KvmFact]
    public void DeprivilegedModeRejectsPorts()
    {
        var options = Options();
        options.Serve = false;
        using var hrt = Hrt.Start(HvmGuest.Get("PORTS", "EXITVALUE=5"), options);

        var error = Assert.Throws<HrtFaultException>(() => hrt.WaitForExitAsync().GetAwaiter().GetResult());
        Assert.Equal("vCPU 0 did port I/O (in from port 0x3FD, 1 byte(s)); ports are only handled in ring-0 mode", error.Summary);
        Assert.Equal(0, error.Registers!.Cpu);
        Assert.Equal(0, error.Registers.Cpl);
    }

    [KvmFact]
    public void StartRunsTheGuestToItsExitCode()
    {
        var options = Options();
        options.Serve = false;
        using var hrt = Hrt.Start(HvmGuest.Get("EXIT", "EXITVALUE=42"), options);

        Assert.Equal(42, hrt.WaitForExitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult());
        Assert.NotNull(hrt.Timings.MainStarted);
        Assert.Null(hrt.Timings.Ready);
        var error = Assert.Throws<HrtExitedException>(() => hrt.Invoke("Add", 1, 2));
        Assert.Equal("the HRT exited with code 42 before it was ready for invokes", error.Message);
    }

    [Fact]
    public void BootNeedsServe()
    {
        var error = Assert.Throws<ArgumentException>(() => Hrt.Boot(HvmGuest.Ring3, new HrtOptions { Serve = false }));

        Assert.StartsWith("Boot waits for the HRT to be ready for invokes, which needs Serve", error.Message);
    }

    [Theory]
    [InlineData(0, 256, 64, "Cpus")]
    [InlineData(65, 256, 64, "Cpus")]
    [InlineData(1, 3073, 64, "MemoryBytes")]
    [InlineData(1, 255, 64, "MemoryBytes")]
    [InlineData(1, 256, 3, "ArenaBytes")]
    public void InvalidOptionsAreRejected(int cpus, long memoryMiB, long arenaMiB, string parameter)
    {
        var options = new HrtOptions { Cpus = cpus, MemoryBytes = memoryMiB * HrtOptions.MiB, ArenaBytes = arenaMiB * HrtOptions.MiB };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Hrt.Start(HvmGuest.Ring3, options));
        Assert.Equal(parameter, error.ParamName);
    }
}
