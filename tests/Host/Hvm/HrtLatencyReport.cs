using System.Diagnostics;
using Nacre.Hvm;
using Xunit.Abstractions;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// A rough measurement, printed and never asserted (timings are not tests): boot time to ready
/// and the invoke round trip against the CPL-3 test guest. See the numbers with
/// <c>dotnet test --filter HrtLatencyReport --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class HrtLatencyReport(ITestOutputHelper output)
{
    [KvmFact]
    public void BootAndInvokeLatency()
    {
        var options = HrtBootTests.Options();
        Hrt.Boot(HvmGuest.Ring3, options).Dispose(); // warm up

        var setup = new List<double>();
        var main = new List<double>();
        var ready = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            using var hrt = Hrt.Boot(HvmGuest.Ring3, options);
            setup.Add(hrt.Timings.Setup.TotalMicroseconds);
            main.Add(hrt.Timings.MainStarted!.Value.TotalMicroseconds);
            ready.Add(hrt.Timings.Ready!.Value.TotalMicroseconds);
        }
        output.WriteLine($"boot, 1 vCPU, 20 boots (µs): setup {Summary(setup)}");
        output.WriteLine($"                            Main   {Summary(main)}");
        output.WriteLine($"                            ready  {Summary(ready)}");

        foreach (var pin in new[] { false, true })
        {
            options.PinVcpus = pin;
            using var hrt = Hrt.Boot(HvmGuest.Ring3, options);
            var add = hrt.Resolve("Add");
            output.WriteLine($"invoke round trip, 1 vCPU{(pin ? ", pinned" : "")}, 100k calls (ns): {Summary(RoundTrips(add, 100_000))}");
        }
    }

    private static List<double> RoundTrips(HrtFunction function, int count)
    {
        for (var i = 0; i < 10_000; i++)
            function.Invoke(0, i, 1);
        var samples = new double[count];
        var nanosecondsPerTick = 1e9 / Stopwatch.Frequency;
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            function.Invoke(0, i, 1);
            samples[i] = (Stopwatch.GetTimestamp() - start) * nanosecondsPerTick;
        }
        return [.. samples];
    }

    private static string Summary(List<double> samples)
    {
        samples.Sort();
        double At(double q) => samples[(int)Math.Min(samples.Count - 1, q * samples.Count)];
        return $"min {samples[0]:F0}  median {At(0.5):F0}  p99 {At(0.99):F0}  max {samples[^1]:F0}  mean {samples.Average():F0}";
    }
}
