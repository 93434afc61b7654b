using System.Runtime.InteropServices;
using Nacre.Hvm;
using Nacre.Host.Tests.Hvm;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.DotNet;

/// <summary>
/// A NativeAOT shared library (samples/dotnet-library/Library) loaded two ways: dlopen'ed in
/// this process, and booted as an HRT with Hrt.Boot, its [UnmanagedCallersOnly] exports called
/// with Invoke over the arena. The results (and the data written back) agree.
/// </summary>
public sealed unsafe class LibraryInvokeTests
{
    private const string Project = "samples/dotnet-library/Library";

    [KvmFact]
    public void TheSameLibraryGivesTheSameResultsInThisProcessAndAsAnHrt()
    {
        var library = WorldPrograms.Published(Project);
        var handle = NativeLibrary.Load(library);
        var scaleAndSum = (delegate* unmanaged<double*, long, long, long>)NativeLibrary.GetExport(handle, "scale_and_sum");
        var histogram = (delegate* unmanaged<int*, long, long*, long, long>)NativeLibrary.GetExport(handle, "histogram");
        var catchMany = (delegate* unmanaged<long, long>)NativeLibrary.GetExport(handle, "catch_many");

        var options = new HrtOptions
        {
            Cpus = 2,
            MemoryBytes = 1024 * HrtOptions.MiB,
            Modules = Building.DotNetProgram.Modules(library),
        };
        using var hrt = Hrt.Boot(BuiltImages.Get("src/DotNetHost"), options);
        var function = hrt.Resolve("scale_and_sum");
        Assert.True(function.IsForeign);
        Assert.Throws<NotSupportedException>(() => function.InvokeDouble(0, 1.0));

        const int N = 50_000;
        double* mine = (double*)NativeMemory.Alloc(N * sizeof(double));
        double* arena = hrt.Arena.Alloc<double>(N);
        for (int i = 0; i < N; i++) mine[i] = arena[i] = i * 0.25;
        Assert.Equal(scaleAndSum(mine, N, 3), hrt.Invoke("scale_and_sum", (long)arena, N, 3));
        Assert.Equal(mine[N - 1], arena[N - 1]);

        int* values = hrt.Arena.Alloc<int>(N);
        long* bins = (long*)NativeMemory.AllocZeroed(16 * sizeof(long));
        long* arenaBins = hrt.Arena.Alloc<long>(16);
        for (int i = 0; i < N; i++) values[i] = (i * 7919) % 13;
        Assert.Equal(histogram(values, N, bins, 16), hrt.InvokeAsync("histogram", (long)values, N, (long)arenaBins, 16).Result);
        for (int b = 0; b < 16; b++) Assert.Equal(bins[b], arenaBins[b]);

        Assert.Equal(catchMany(500), hrt.Invoke("catch_many", 500));
        var all = hrt.InvokeAll("catch_many", 10);
        Assert.All(all, r => Assert.Equal(10, r));
        NativeMemory.Free(mine);
        NativeMemory.Free(bins);
    }

    [KvmFact]
    public void AnUnknownNameListsTheLibrarysExports()
    {
        var options = new HrtOptions { MemoryBytes = 1024 * HrtOptions.MiB, Modules = Building.DotNetProgram.Modules(WorldPrograms.Published(Project)) };
        using var hrt = Hrt.Boot(BuiltImages.Get("src/DotNetHost"), options);
        var error = Assert.Throws<ArgumentException>(() => hrt.Resolve("nope"));
        Assert.Contains("scale_and_sum", error.Message);
        Assert.Contains("catch_many", error.Message);
    }
}
