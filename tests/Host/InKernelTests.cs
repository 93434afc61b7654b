using Nacre.Host.Testing;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// Each test of each in-kernel test image, as its own xunit result. The rows come from booting
/// every image once at discovery time; a panic, timeout or build failure of an image shows up as
/// a failed row carrying the panic text or the error. Tests the kernel skipped (SKIP lines) are
/// reported as skipped rows; xunit 2 cannot skip a row dynamically, so they come from a second
/// data source marked Skip, and the reason is in the image's own SKIP line.
/// </summary>
public sealed class InKernelTests
{
    public static TheoryData<string, string> Cases() => Rows(skipped: false);

    public static TheoryData<string, string> SkippedCases() => Rows(skipped: true);

    private static TheoryData<string, string> Rows(bool skipped)
    {
        var data = new TheoryData<string, string>();
        if (KernelTestImages.Disabled)
        {
            // nacre test runs the images itself and filters this theory out; see KernelTestImages.
            if (!skipped) data.Add("(disabled)", KernelTestImages.SwitchVariable);
            return data;
        }
        foreach (var report in KernelTestImages.Reports)
            foreach (var (name, result) in KernelTestImages.UniqueNames(report))
                if (result.Skipped == skipped)
                    data.Add(report.Image, name);
        return data;
    }

    [Theory]
    [Trait("Category", HostTestRunner.InKernelCategory)]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(SkippedCases), Skip = "skipped in the kernel (its SKIP line gives the reason)")]
    public void InKernel(string image, string test)
    {
        Assert.False(KernelTestImages.Disabled, $"in-kernel tests are disabled by {KernelTestImages.SwitchVariable}=off");
        var result = KernelTestImages.Find(image, test);
        Assert.True(result.Passed, $"{image}: {test} failed: {result.Message}");
    }
}
