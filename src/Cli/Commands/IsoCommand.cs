using System.CommandLine;
using Nacre.Host.Building;
using Nacre.Host.Images;
using Nacre.Host.Infrastructure;

namespace Nacre.Cli.Commands;

/// <summary><c>nacre iso &lt;project-dir|image&gt; [-o file] [-- args]</c>: a GRUB ISO for real hardware.</summary>
public static class IsoCommand
{
    public static Command Create(Terminal terminal)
    {
        var target = new Argument<string>("project-dir|image") { Description = "an HRT project directory (built first) or a kernel image" };
        var kernelArguments = new Argument<string[]>("args") { Description = "kernel command line baked into grub.cfg, after --", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--output", "-o") { Description = "ISO file to write (default: next to the image, .iso)", HelpName = "file" };
        var command = new Command("iso", "Make a bootable GRUB ISO (multiboot2) of an HRT, for real hardware or 'qemu -cdrom'.")
        {
            target, kernelArguments, output,
        };
        command.SetAction(parse =>
        {
            var image = ProjectBuilder.ImageOf(parse.GetValue(target)!, terminal);
            var iso = parse.GetValue(output) ?? Path.ChangeExtension(image, ".iso");
            terminal.Progress("iso", $"{image} -> {iso}");
            IsoBuilder.Build(image, iso, parse.GetValue(kernelArguments) ?? []);
            terminal.WriteLine(Path.GetFullPath(iso));
            return ExitCodes.Success;
        });
        return command;
    }
}
