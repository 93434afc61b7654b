using Nacre.Host.Infrastructure;

namespace Nacre.Host.Images;

/// <summary>
/// Wraps a kernel image in a GRUB rescue ISO (BIOS boot from CD or USB stick) that loads it with
/// the multiboot2 protocol: the path to real hardware. The console goes to the first serial port
/// and to the screen.
/// </summary>
public static class IsoBuilder
{
    public static void Build(string image, string iso, IReadOnlyList<string> kernelArguments)
    {
        ImageValidator.Validate(image);
        var staging = Directory.CreateTempSubdirectory("nacre-iso-");
        try
        {
            var boot = Directory.CreateDirectory(Path.Combine(staging.FullName, "boot", "grub"));
            File.Copy(image, Path.Combine(staging.FullName, "boot", "nacre.elf"));
            File.WriteAllText(Path.Combine(boot.FullName, "grub.cfg"), GrubConfig(kernelArguments));

            var output = new List<string>();
            var result = ChildProcess.Run("grub-mkrescue", ["-o", Path.GetFullPath(iso), staging.FullName],
                output.Add, output.Add, timeout: TimeSpan.FromMinutes(5));
            if (result.ExitCode != 0 || !File.Exists(iso))
                throw new NacreException($"grub-mkrescue failed:\n{string.Join('\n', output.TakeLast(20))}");
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    public static string GrubConfig(IReadOnlyList<string> kernelArguments) => $$"""
        set timeout=0
        set default=0
        serial --unit=0 --speed=115200
        terminal_input serial console
        terminal_output serial console
        menuentry "Nacre" {
            multiboot2 /boot/nacre.elf {{string.Join(' ', kernelArguments)}}
            boot
        }
        """;
}
