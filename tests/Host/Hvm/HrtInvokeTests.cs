using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>Calling the test guest's exports through the mailboxes: sync, double, async, all
/// cores, halting cores woken by MSI, and pointers into the shared arena.</summary>
public sealed unsafe class HrtInvokeTests
{
    private static Hrt Boot(int cpus = 1, string? image = null, IdleMode idle = IdleMode.Poll, List<string>? console = null)
    {
        var options = HrtBootTests.Options(console, cpus);
        options.Idle = idle;
        return Hrt.Boot(image ?? HvmGuest.Ring3, options);
    }

    [KvmFact]
    public void InvokeReturnsTheExportsResult()
    {
        using var hrt = Boot();

        Assert.Equal(42, hrt.Invoke("Add", 40, 2));
        Assert.Equal(-1, hrt.Invoke("nacre_export_Add", long.MaxValue, long.MinValue));
    }

    [KvmFact]
    public void ResolvedFunctionIsCachedAndInvokesWithoutAllocating()
    {
        using var hrt = Boot();
        var add = hrt.Resolve("Add");
        Assert.Same(add, hrt.Resolve("Add"));
        Assert.Equal(hrt.Image.Exports["Add"], add.Address);
        add.Invoke(0, 1, 1); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (var i = 0; i < 1000; i++)
            sum += add.Invoke(0, i, 1);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1000 * 999 / 2 + 1000, sum);
        Assert.Equal(0, allocated);
    }

    [KvmFact]
    public void DoublesTravelAsTheirBits()
    {
        using var hrt = Boot();

        Assert.Equal(-7.5, hrt.InvokeDouble("Mul", 2.5, -3));
    }

    [KvmFact]
    public void AsyncCallsCompleteOnAnyCpu()
    {
        using var hrt = Boot(cpus: 2);

        var tasks = Enumerable.Range(0, 20).Select(i => hrt.InvokeAsync("Add", i, 100)).ToArray();
        var onCpu1 = hrt.Resolve("Cpu").InvokeAsync(1);

        Assert.True(Task.WaitAll(tasks, TimeSpan.FromSeconds(30)));
        Assert.Equal(Enumerable.Range(100, 20).Select(i => (long)i), tasks.Select(t => t.Result));
        Assert.Equal(1, onCpu1.Wait(TimeSpan.FromSeconds(30)) ? onCpu1.Result : -1);
    }

    [KvmFact]
    public void InvokeAllRunsOnEveryCpu()
    {
        using var hrt = Boot(cpus: 2);

        Assert.Equal([0L, 1L], hrt.InvokeAll("Cpu"));
        Assert.Equal([7L, 7L], hrt.InvokeAll("Add", 3, 4));
    }

    [KvmFact]
    public void ArenaPointersMeanTheSameOnBothSides()
    {
        using var hrt = Boot();
        var numbers = hrt.Arena.AllocSpan<long>(1000);
        for (var i = 0; i < numbers.Length; i++)
            numbers[i] = i * 3;

        fixed (long* p = numbers)
            Assert.Equal(3L * 999 * 1000 / 2, hrt.Invoke("Sum", (long)p, numbers.Length));

        var filled = hrt.Arena.Alloc<long>(16);
        Assert.Equal(16, hrt.Invoke("Fill", (long)filled, 16, 500));
        Assert.Equal(Enumerable.Range(500, 16).Select(i => (long)i), new Span<long>(filled, 16).ToArray());
        Assert.True(hrt.Arena.Contains(filled));
        Assert.Equal(0, (long)filled % Arena.DefaultAlignment);
    }

    [KvmFact]
    public void GuestCanPrintTextFromTheArena()
    {
        var console = new List<string>();
        using var hrt = Boot(console: console);
        var text = "written by the host\n"u8;
        var buffer = hrt.Arena.AllocSpan<byte>(text.Length);
        text.CopyTo(buffer);

        fixed (byte* p = buffer)
            hrt.Invoke("Print", (long)p, buffer.Length);

        Assert.Equal("written by the host", console[^1]);
    }

    [Fact]
    public void ArenaAllocationsAreBoundedAndReset()
    {
        var memory = new byte[4096];
        fixed (byte* p = memory)
        {
            var arena = new Arena(p, 4096);
            arena.Alloc<byte>(1000);
            Assert.Equal(1000, arena.Used);
            var error = Assert.Throws<InvalidOperationException>(() => arena.Alloc<long>(400));
            Assert.Equal("the arena has 0xC00 of its 0x1000 bytes left; 0xC80 were asked for", error.Message);
            arena.Reset();
            Assert.Equal(0, arena.Used);
            Assert.True(arena.Alloc<long>(400) == (long*)p);
        }
    }

    [KvmFact]
    public void UnknownExportNamesTheExports()
    {
        using var hrt = Boot();

        var error = Assert.Throws<ArgumentException>(() => hrt.Invoke("Nope"));
        Assert.StartsWith($"{HvmGuest.Ring3} has no export named Nope (it exports Add, Cpu, Entry, Exit, Fault, Fill, Kick, Mul, Panic, Park, Print, Spin, Sum, Wild)", error.Message);
    }

    [KvmFact]
    public void HaltingCpusAreWokenByTheMsi()
    {
        using var hrt = Boot(cpus: 2, image: HvmGuest.Get("HALT"), idle: IdleMode.Halt);

        Assert.Equal(5, hrt.Invoke("Add", 2, 3));
        Assert.Equal([0L, 1L], hrt.InvokeAll("Cpu"));
        Assert.Equal(9, hrt.InvokeAsync("Add", 4, 5).Wait(TimeSpan.FromSeconds(30)) ? 9 : -1);
    }

    [KvmFact]
    public void WithoutTheMsiAHaltedCpuSleepsOn()
    {
        // The same halting guest, but the host believes it polls and sends no MSI.
        var options = HrtBootTests.Options();
        options.InvokeTimeout = TimeSpan.FromMilliseconds(300);
        using var hrt = Hrt.Boot(HvmGuest.Get("HALT"), options);

        Assert.Throws<HrtTimeoutException>(() => hrt.Invoke("Add", 2, 3));
    }

    [KvmFact]
    public void RingZeroPollingGuestServesInvokes()
    {
        using var hrt = Boot(image: HvmGuest.Ring0);

        Assert.Equal(3, hrt.Invoke("Add", 1, 2));
    }
}
