using System.CommandLine;
using Nacre.Host.Building;
using Nacre.Host.Infrastructure;

namespace Nacre.Cli.Commands;

/// <summary><c>nacre build &lt;project-dir&gt;</c>: builds an HRT and prints its image's path.</summary>
public static class BuildCommand
{
    public static Command Create(Terminal terminal)
    {
        var project = new Argument<string>("project-dir") { Description = "directory holding the HRT's one .csproj (or the .csproj itself)" };
        var command = new Command("build", "Build an HRT project and print the path of its bootable image.") { project };
        command.SetAction(parse =>
        {
            var built = ProjectBuilder.Build(parse.GetValue(project)!, terminal);
            terminal.WriteLine(built.Image);
            return ExitCodes.Success;
        });
        return command;
    }
}
