using System.Security;
using Nacre.Host.Building;
using Nacre.Host.Infrastructure;
using Nacre.Host.Tests.Hvm;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Packaging;

/// <summary>
/// Nacre as someone outside the repository gets it: <c>nacre pack</c> writes the packages once
/// per run into a feed in a temporary folder outside the repository, the templates are installed
/// into a private template cache, and projects made from them restore from that feed only (plus
/// ilc, which the SDK fetches from NuGet), build, and boot. Packages go to a per-run package
/// folder, so the user's ~/.nuget/packages never holds a Nacre package that a later version
/// bump would leave stale.
/// </summary>
public sealed class OutsideRepositoryTests(OutsideRepositoryTests.Workspace workspace) : IClassFixture<OutsideRepositoryTests.Workspace>
{
    [Fact]
    public void HrtTemplateBuildsAndBoots()
    {
        var project = workspace.NewProject("nacre-hrt", "Greeter");
        workspace.Dotnet("build", project, "-c", "Release");
        var image = Path.Combine(project, "bin", "Release", "Greeter.elf");
        Assert.True(File.Exists(image), $"the build wrote no {image}");

        var run = CliResult.Invoke("run", image, "--timeout", "120", "--", "a", "b");
        Assert.True(run.ExitCode == 0, $"expected exit 0; got {run}");
        Assert.Contains("Hello from Greeter on 1 CPU(s), 2 argument(s)", run.Stdout);
    }

    [Fact]
    public void HostTemplateBuildsBothHalvesAndItsHrtBoots()
    {
        var output = workspace.HostPairOutput.Value;
        Assert.True(File.Exists(Path.Combine(output, "Nacre.Hvm.dll")), $"Nacre.Hvm.dll is not in {output}");
        var image = Path.Combine(output, "Demo.Hrt.elf");
        Assert.True(File.Exists(image), $"building Demo.Host did not copy the HRT's image to {image}");

        var run = CliResult.Invoke("run", image, "--timeout", "120");
        Assert.True(run.ExitCode == 0, $"expected exit 0; got {run}");
        Assert.Contains("Demo.Hrt ready on 1 CPU(s)", run.Stdout);
    }

    [KvmFact]
    public void HostTemplateProgramBootsItsHrtAndInvokesAnExport()
    {
        var output = workspace.HostPairOutput.Value;
        var lines = workspace.Run("dotnet", [Path.Combine(output, "Demo.Host.dll")]);
        Assert.Contains("[hrt] Demo.Hrt ready on 1 CPU(s)", lines);
        Assert.Contains("Sum of 1..1000 in the HRT: 500500", lines);
    }

    [Fact]
    public void PackRefusesAVersionSuffixThatIsNoPreReleaseLabel()
    {
        var pack = CliResult.Invoke("pack", "--output", Path.Combine(workspace.Root, "unused"), "--version-suffix", "dev/1");

        Assert.True(pack.ExitCode == ExitCodes.ToolError, $"expected exit 125; got {pack}");
        Assert.Equal(["--version-suffix 'dev/1' is not a pre-release label (letters, digits, '-' and '.', starting with a letter or digit)"], pack.Errors);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "unused")), "a refused pack created its output folder");
    }

    /// <summary>
    /// The temporary folder the tests work in, packed and with the templates installed once:
    /// feed/ (the packages), packages/ (NUGET_PACKAGES), home/ (DOTNET_CLI_HOME), hive/ (the
    /// template cache), a nuget.config, and the projects made from the templates.
    /// </summary>
    public sealed class Workspace : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("nacre-packages-").FullName;

        public Lazy<string> HostPairOutput { get; }

        private readonly string hive;
        private readonly Dictionary<string, string> environment;

        public Workspace()
        {
            Assert.False(Root.StartsWith(Repository.Root, StringComparison.Ordinal), $"{Root} is inside the repository");
            var feed = Path.Combine(Root, "feed");
            hive = Path.Combine(Root, "hive");
            environment = new Dictionary<string, string>(MsBuild.Environment)
            {
                ["DOTNET_CLI_HOME"] = Path.Combine(Root, "home"),
                ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            };

            var pack = CliResult.Invoke("pack", "--output", feed);
            Assert.True(pack.ExitCode == 0, $"nacre pack failed: {pack}");
            var templates = pack.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SingleOrDefault(path => Path.GetFileName(path).StartsWith("Nacre.Templates.", StringComparison.Ordinal));
            Assert.True(templates is not null, $"nacre pack printed no Nacre.Templates package: {pack}");

            File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig(feed));
            Run("dotnet", ["new", "install", templates, "--debug:custom-hive", hive]);
            HostPairOutput = new Lazy<string>(() =>
            {
                var pair = NewProject("nacre-hrt-host", "Demo");
                Dotnet("build", Path.Combine(pair, "Demo.Host"), "-c", "Release");
                return Path.Combine(pair, "Demo.Host", "bin", "Release", "net10.0");
            });
        }

        /// <summary>
        /// Nacre's packages from the feed alone; everything else (ilc) from the user's package
        /// folder where it is already (read as a source, never written) or from nuget.org.
        /// </summary>
        private static string NuGetConfig(string feed)
        {
            var userPackages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var cacheSource = Directory.Exists(userPackages) ? $"""<add key="user-cache" value="{SecurityElement.Escape(userPackages)}" />""" : "";
            var cacheMapping = Directory.Exists(userPackages) ? """<packageSource key="user-cache"><package pattern="*" /></packageSource>""" : "";
            return $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="nacre" value="{SecurityElement.Escape(feed)}" />
                    {cacheSource}
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="nacre"><package pattern="Nacre.*" /></packageSource>
                    {cacheMapping}
                    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                  </packageSourceMapping>
                </configuration>
                """;
        }

        /// <summary>A project made by <c>dotnet new</c> from one of the installed templates.</summary>
        public string NewProject(string template, string name)
        {
            var directory = Path.Combine(Root, name);
            Run("dotnet", ["new", template, "-n", name, "-o", directory, "--debug:custom-hive", hive]);
            return directory;
        }

        public void Dotnet(params string[] arguments) =>
            Run("dotnet", [.. arguments, "-nologo", "-tl:off"]);

        /// <summary>Runs a program in the workspace with its environment, asserts that it succeeded and returns its output lines.</summary>
        public List<string> Run(string program, IReadOnlyList<string> arguments)
        {
            var lines = new List<string>();
            var result = ChildProcess.Run(program, arguments,
                line => { lock (lines) lines.Add(line); },
                line => { lock (lines) lines.Add(line); },
                timeout: TimeSpan.FromMinutes(5), workingDirectory: Root, environment: environment);
            Assert.True(result.ExitCode == 0 && !result.TimedOut,
                $"{program} {string.Join(' ', arguments)} failed (exit {result.ExitCode}{(result.TimedOut ? ", timed out" : "")}):\n{string.Join('\n', lines)}");
            return lines;
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
