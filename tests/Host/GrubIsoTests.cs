using Nacre.Host.Infrastructure;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary>
/// The multiboot2 path (GRUB, as on real hardware): nacre iso wraps the hello sample in a GRUB
/// ISO, QEMU boots it from CD through SeaBIOS and GRUB, and the kernel must run with the
/// arguments baked into grub.cfg (GRUB passes no image path with multiboot2).
/// </summary>
public sealed class GrubIsoTests
{
    [Fact]
    public void HelloBootsThroughGrubWithMultiboot2()
    {
        var iso = Path.Combine(Path.GetTempPath(), $"nacre-hello-{Guid.NewGuid():N}.iso");
        try
        {
            var made = CliResult.Invoke("iso", Repository.PathOf("samples/hello"), "-o", iso, "--", "via", "grub");
            Assert.True(made.ExitCode == 0, $"nacre iso failed: {made}");
            Assert.True(File.Exists(iso), $"{iso} was not written");

            var output = new List<string>();
            var run = ChildProcess.Run("qemu-system-x86_64",
                ["-cdrom", iso, "-serial", "stdio", "-display", "none", "-monitor", "none", "-no-reboot",
                 "-device", "isa-debug-exit,iobase=0xf4,iosize=4", "-m", "256", "-cpu", "max"],
                output.Add, output.Add, timeout: TimeSpan.FromSeconds(120));

            var text = string.Join('\n', output);
            Assert.False(run.TimedOut, $"GRUB boot timed out:\n{text}");
            Assert.Equal(1, run.ExitCode); // debug-exit status for Main's 0
            Assert.Contains("Hello from Nacre", text);
            Assert.Contains("args: via grub", text);
        }
        finally
        {
            File.Delete(iso);
        }
    }
}
