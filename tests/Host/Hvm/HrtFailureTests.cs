using System.Diagnostics;
using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// Every way an HRT can fail comes back as an exception with the failing vCPU's registers and
/// the last console lines — never a hang — and leaves the VM torn down and the process healthy:
/// later calls throw <see cref="HrtExitedException"/> wrapping the original failure.
/// </summary>
public sealed unsafe class HrtFailureTests
{
    private static HrtOptions Options(List<string>? console = null) => HrtBootTests.Options(console);

    private static HrtExitedException AssertLaterCallsFailWith(Hrt hrt, Exception cause)
    {
        Assert.False(hrt.IsRunning);
        var later = Assert.Throws<HrtExitedException>(() => hrt.Invoke("Add", 1, 2));
        Assert.Same(cause, later.InnerException);
        return later;
    }

    [KvmFact]
    public void TripleFaultDuringBootIsAFaultWithRegisters()
    {
        var error = Assert.Throws<HrtFaultException>(() => Hrt.Boot(HvmGuest.Get("TRIPLE"), Options()));

        Assert.StartsWith("vCPU 0 triple-faulted (KVM_EXIT_SHUTDOWN)", error.Message);
        Assert.Contains("RIP=", error.Message);
        Assert.Equal(0, error.Registers!.Cpl);
        Assert.Contains("hello from the HVM test guest", error.LastConsoleLines);
    }

    [KvmFact]
    public void FaultDuringAnInvokeEndsTheVm()
    {
        using var hrt = Hrt.Boot(HvmGuest.Ring3, Options());
        var fault = hrt.Resolve("Fault");

        var error = Assert.Throws<HrtFaultException>(() => fault.Invoke(0));

        Assert.StartsWith("vCPU 0 triple-faulted", error.Summary);
        Assert.Equal(3, error.Registers!.Cpl);
        Assert.Equal(fault.Address, error.Registers.Rip);
        var later = AssertLaterCallsFailWith(hrt, error);
        Assert.StartsWith("the HRT is no longer running: vCPU 0 triple-faulted", later.Message);
    }

    [KvmFact]
    public void StoreWithoutMemoryNamesTheAddress()
    {
        using var hrt = Hrt.Boot(HvmGuest.Ring3, Options());

        var error = Assert.Throws<HrtFaultException>(() => hrt.Invoke("Wild"));

        Assert.Equal("vCPU 0 wrote 8 byte(s) at guest-physical 0xD0000000, which is neither RAM, the arena nor the hypercall page", error.Summary);
        AssertLaterCallsFailWith(hrt, error);
    }

    [KvmFact]
    public void PanicDuringBootIsAPanicWithItsReport()
    {
        var error = Assert.Throws<HrtPanicException>(() => Hrt.Boot(HvmGuest.Get("PANIC"), Options()));

        Assert.StartsWith("the HRT panicked (exit code 127 from vCPU 0); its last console lines:", error.Message);
        Assert.Contains("  PANIC: test panic", error.Message);
        Assert.Equal("PANIC: test panic", error.LastConsoleLines[^1]);
    }

    [KvmFact]
    public void PanicDuringAnInvoke()
    {
        using var hrt = Hrt.Boot(HvmGuest.Ring3, Options());

        var error = Assert.Throws<HrtPanicException>(() => hrt.Invoke("Panic"));

        Assert.Equal("PANIC: test panic", error.LastConsoleLines[^1]);
        AssertLaterCallsFailWith(hrt, error);
        Assert.Equal(127, hrt.WaitForExitAsync().Result);
    }

    [KvmFact]
    public void GuestExitDuringAnInvoke()
    {
        using var hrt = Hrt.Boot(HvmGuest.Ring3, Options());

        var error = Assert.Throws<HrtExitedException>(() => hrt.Invoke("Exit", 3));

        Assert.Equal("the HRT has exited (code 3)", error.Message);
        Assert.Null(error.InnerException);
        Assert.Equal(3, hrt.WaitForExitAsync().Result);
    }

    [KvmFact]
    public void InvokeTimeoutStopsTheSpinningVcpu()
    {
        var options = Options();
        options.InvokeTimeout = TimeSpan.FromMilliseconds(300);
        using var hrt = Hrt.Boot(HvmGuest.Ring3, options);
        var spin = hrt.Resolve("Spin");
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<HrtTimeoutException>(() => spin.Invoke(0));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        Assert.Equal("Spin on vCPU 0 did not return within 300 ms; the VM was stopped", error.Summary);
        Assert.Equal(spin.Address, error.Registers!.Rip);
        Assert.Equal(3, error.Registers.Cpl);
        AssertLaterCallsFailWith(hrt, error);
    }

    [KvmFact]
    public void AsyncInvokeTimeout()
    {
        var options = Options();
        options.InvokeTimeout = TimeSpan.FromMilliseconds(300);
        using var hrt = Hrt.Boot(HvmGuest.Ring3, options);

        var task = hrt.InvokeAsync("Spin");

        var error = Assert.Throws<HrtTimeoutException>(() => task.GetAwaiter().GetResult());
        Assert.Equal("Spin on vCPU 0 did not return within 300 ms; the VM was stopped", error.Summary);
        var later = Assert.Throws<HrtExitedException>(() => hrt.InvokeAsync("Add").GetAwaiter().GetResult());
        Assert.Same(error, later.InnerException);
    }

    [KvmFact]
    public void BootTimeoutStopsAGuestSpinningInRingZero()
    {
        var options = Options();
        options.BootTimeout = TimeSpan.FromMilliseconds(300);

        var error = Assert.Throws<HrtTimeoutException>(() => Hrt.Boot(HvmGuest.Get("SPIN"), options));

        Assert.Equal("the HRT was not ready within 300 ms (it reached Main but did not report ready)", error.Summary);
        Assert.Equal(0, error.Registers!.Cpl);
    }

    [KvmFact]
    public void WaitForExitTimeoutStopsTheVm()
    {
        var options = Options();
        options.Serve = false;
        using var hrt = Hrt.Start(HvmGuest.Get("SPIN"), options);

        var error = Assert.Throws<HrtTimeoutException>(() => hrt.WaitForExitAsync(TimeSpan.FromMilliseconds(200)).GetAwaiter().GetResult());

        Assert.Equal("the HRT did not exit within 200 ms", error.Summary);
        Assert.False(hrt.IsRunning);
    }

    [KvmFact]
    public void SseInRingZero()
    {
        var options = Options();
        options.Serve = false;
        using var hrt = Hrt.Start(HvmGuest.Get("SSE"), options);

        if (HrtOptions.HostIsKvmPvm)
        {
            var error = Assert.Throws<HrtFaultException>(() => hrt.WaitForExitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult());
            Assert.Matches(@"^vCPU 0: ring-0 code at RIP=0x[0-9A-F]+ \(bytes 0f58c0[0-9a-f]*\) ran an instruction kvm-pvm cannot emulate .*deprivileged mode", error.Summary);
        }
        else
        {
            Assert.Equal(0, hrt.WaitForExitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult()); // ring 0 runs natively
        }
    }

    [KvmFact]
    public void CallsAfterDisposeSayDisposed()
    {
        var hrt = Hrt.Boot(HvmGuest.Ring3, Options());
        var add = hrt.Resolve("Add");
        hrt.Dispose();

        var error = Assert.Throws<HrtExitedException>(() => add.Invoke(0, 1, 2));
        Assert.Equal("the HRT has been disposed", error.Message);
        Assert.Throws<ObjectDisposedException>(() => hrt.Arena.Alloc<byte>(1));
        hrt.Dispose(); // twice is fine
    }
}
