using System.CommandLine;
using Nacre.Host.Infrastructure;
using Nacre.Host.Packaging;

namespace Nacre.Cli.Commands;

/// <summary><c>nacre pack [--output dir] [--version-suffix s]</c>: Nacre's NuGet packages into a local feed.</summary>
public static class PackCommand
{
    public static Command Create(Terminal terminal)
    {
        var output = new Option<string>("--output", "-o") { Description = "feed folder to write the packages to (default: artifacts/feed in the repository)", HelpName = "dir" };
        var suffix = new Option<string>("--version-suffix") { Description = "pack version x.y.z-SUFFIX instead of the version file's x.y.z", HelpName = "suffix" };
        var command = new Command("pack", "Pack Nacre.Sdk, Nacre.Hvm and Nacre.Templates into a local NuGet feed folder and print the path of each package.")
        {
            output, suffix,
        };
        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find();
            var feed = parse.GetValue(output) ?? Path.Combine(root, "artifacts", "feed");
            foreach (var package in NacrePackages.Pack(root, feed, parse.GetValue(suffix), terminal))
                terminal.WriteLine(package);
            return ExitCodes.Success;
        });
        return command;
    }
}
