using System.Diagnostics;
using Nacre.Hvm;

// Boots the invoke HRT on the HVM, fills data in the arena and lets the HRT compute over it:
// the pointers passed to Invoke are host pointers, valid unchanged inside the HRT.
//   ./nacre build samples/invoke/Hrt && dotnet run --project samples/invoke/Host [image] [cpus]
unsafe
{
    string image = args.Length > 0 ? args[0] : "samples/invoke/Hrt/bin/Release/InvokeHrt.elf";
    int cpus = args.Length > 1 ? int.Parse(args[1]) : 2;
    if (!File.Exists(image))
    {
        Console.Error.WriteLine($"no HRT image at {image}: build it with ./nacre build samples/invoke/Hrt");
        return 2;
    }
    if (!Hrt.IsKvmUsable(out string reason))
    {
        Console.Error.WriteLine($"the HVM needs a usable /dev/kvm: {reason}");
        return 2;
    }

    using var hrt = Hrt.Boot(image, new HrtOptions
    {
        Cpus = cpus,
        ArenaBytes = 64 * HrtOptions.MiB,
        ConsoleLine = line => Console.WriteLine($"  [hrt] {line}"),
    });
    Console.WriteLine($"booted {Path.GetFileName(image)} on {hrt.Cpus} core(s), {hrt.Privilege}: {hrt.Timings}");

    // Dot product of two vectors the host fills; the result comes back as a double.
    const int n = 1 << 20;
    double* a = hrt.Arena.Alloc<double>(n), b = hrt.Arena.Alloc<double>(n);
    double expected = 0;
    for (int i = 0; i < n; i++) { a[i] = i * 0.5; b[i] = 1.0 / (i + 1); expected += a[i] * b[i]; }
    HrtFunction dot = hrt.Resolve("Dot");
    var watch = Stopwatch.StartNew();
    double got = BitConverter.Int64BitsToDouble(dot.Invoke(0, (long)a, (long)b, n));
    Console.WriteLine($"Dot over {n} doubles: {got} (host computed {expected}) in {watch.Elapsed.TotalMicroseconds:F0} µs");
    if (got != expected) { Console.Error.WriteLine("Dot: results differ"); return 1; }

    // A histogram computed by a kernel thread per HRT core, written back into the arena.
    byte* data = hrt.Arena.Alloc<byte>(n);
    long* bins = hrt.Arena.Alloc<long>(256);
    var random = new Random(42);
    var hostBins = new long[256];
    for (int i = 0; i < n; i++) { data[i] = (byte)random.Next(256); hostBins[data[i]]++; }
    watch.Restart();
    hrt.Invoke("Histogram", (long)data, n, (long)bins);
    Console.WriteLine($"Histogram of {n} bytes on {hrt.Cpus} core(s) in {watch.Elapsed.TotalMicroseconds:F0} µs");
    for (int i = 0; i < 256; i++)
        if (bins[i] != hostBins[i]) { Console.Error.WriteLine($"Histogram: bin {i} is {bins[i]}, expected {hostBins[i]}"); return 1; }

    // The same function on every core at once, and asynchronously.
    Console.WriteLine($"Core on every core: [{string.Join(", ", hrt.InvokeAll("Core"))}]");
    long core = hrt.InvokeAsync("Core").GetAwaiter().GetResult();
    Console.WriteLine($"Core, asynchronously: {core}");

    // What an empty round trip costs, next to a function call.
    HrtFunction coreFn = hrt.Resolve("Core");
    var samples = new double[10000];
    for (int i = 0; i < samples.Length; i++)
    {
        long t = Stopwatch.GetTimestamp();
        coreFn.Invoke(0);
        samples[i] = Stopwatch.GetElapsedTime(t).TotalNanoseconds;
    }
    Array.Sort(samples);
    Console.WriteLine($"invoke round trip: median {samples[samples.Length / 2]:F0} ns, p99 {samples[samples.Length * 99 / 100]:F0} ns");
    return 0;
}
