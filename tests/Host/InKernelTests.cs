using Nacre.Cli.Testing;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// Each test of each in-kernel test image, as its own xunit result. The rows come from booting
/// every image once at discovery time; a panic, timeout or build failure of an image shows up as
/// a failed row carrying the panic text or the error.
/// </summary>
public sealed class InKernelTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        if (KernelTestImages.Disabled)
        {
            // nacre test runs the images itself and filters this theory out; see KernelTestImages.
            data.Add("(disabled)", KernelTestImages.SwitchVariable);
            return data;
        }
        foreach (var report in KernelTestImages.Reports)
            foreach (var (name, _) in KernelTestImages.UniqueNames(report))
                data.Add(report.Image, name);
        return data;
    }

    [Theory]
    [Trait("Category", HostTestRunner.InKernelCategory)]
    [MemberData(nameof(Cases))]
    public void InKernel(string image, string test)
    {
        Assert.False(KernelTestImages.Disabled, $"in-kernel tests are disabled by {KernelTestImages.SwitchVariable}=off");
        var result = KernelTestImages.Find(image, test);
        Assert.True(result.Passed, $"{image}: {test} failed: {result.Message}");
    }
}
