using System.Runtime.InteropServices;
using Nacre.Hvm;

// usage: DotNetLibraryHost <libstats.so> <DotNetHost.elf> [libm.so.6]
// The same shared library, called in this process and in an HRT, on the same inputs.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: DotNetLibraryHost <libstats.so> <DotNetHost.elf> [libm.so.6]");
    return 2;
}
string library = Path.GetFullPath(args[0]), image = args[1];
string libm = args.Length > 2 ? args[2] : "/lib/x86_64-linux-gnu/libm.so.6";

var local = new Calls(NativeLibrary.Load(library));
var options = new HrtOptions
{
    Cpus = 2,
    MemoryBytes = 1024 * HrtOptions.MiB,
    Modules = [new HrtModule(library), new HrtModule(libm, "libm.so.6")],
    ConsoleLine = line => Console.WriteLine($"[hrt] {line}"),
};
using var hrt = Hrt.Boot(image, options);
Console.WriteLine($"HRT ready in {hrt.Timings.Ready?.TotalMilliseconds:F1} ms");

unsafe
{
    const int N = 100_000;
    double* hostData = (double*)NativeMemory.Alloc(N * sizeof(double));
    double* arenaData = hrt.Arena.Alloc<double>(N);
    for (int i = 0; i < N; i++) hostData[i] = arenaData[i] = i * 0.5;
    long a = local.ScaleAndSum(hostData, N, 3), b = hrt.Invoke("scale_and_sum", (long)arenaData, N, 3);
    Console.WriteLine($"scale_and_sum: linux {a}, hrt {b}, data agrees: {hostData[N - 1] == arenaData[N - 1]}");

    int* values = hrt.Arena.Alloc<int>(N);
    long* hostBins = (long*)NativeMemory.AllocZeroed(16 * sizeof(long));
    long* arenaBins = hrt.Arena.Alloc<long>(16);
    for (int i = 0; i < N; i++) values[i] = (i * 7919) % 13;
    a = local.Histogram(values, N, hostBins, 16);
    b = hrt.Invoke("histogram", (long)values, N, (long)arenaBins, 16);
    bool same = true;
    for (int k = 0; k < 16; k++) same &= hostBins[k] == arenaBins[k];
    Console.WriteLine($"histogram: linux {a} bins, hrt {b} bins, counts agree: {same}");

    byte[] text = "the quick brown fox jumps over the lazy dog. The Dog sleeps, the fox runs."u8.ToArray();
    byte* arenaText = hrt.Arena.Alloc<byte>(text.Length);
    text.CopyTo(new Span<byte>(arenaText, text.Length));
    fixed (byte* hostText = text)
        Console.WriteLine($"distinct_words: linux {local.DistinctWords(hostText, text.Length)}, hrt {hrt.Invoke("distinct_words", (long)arenaText, text.Length)}");
    Console.WriteLine($"catch_many: linux {local.CatchMany(1000)}, hrt {hrt.Invoke("catch_many", 1000)}");
}
return 0;

unsafe sealed class Calls(IntPtr handle)
{
    public readonly delegate* unmanaged<double*, long, long, long> ScaleAndSum = (delegate* unmanaged<double*, long, long, long>)NativeLibrary.GetExport(handle, "scale_and_sum");
    public readonly delegate* unmanaged<int*, long, long*, long, long> Histogram = (delegate* unmanaged<int*, long, long*, long, long>)NativeLibrary.GetExport(handle, "histogram");
    public readonly delegate* unmanaged<byte*, long, long> DistinctWords = (delegate* unmanaged<byte*, long, long>)NativeLibrary.GetExport(handle, "distinct_words");
    public readonly delegate* unmanaged<long, long> CatchMany = (delegate* unmanaged<long, long>)NativeLibrary.GetExport(handle, "catch_many");
}
