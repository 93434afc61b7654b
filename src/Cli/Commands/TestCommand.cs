using System.CommandLine;
using Nacre.Host.Infrastructure;
using Nacre.Host.Machines;
using Nacre.Host.Testing;

namespace Nacre.Cli.Commands;

/// <summary>
/// <c>nacre test</c>: builds and runs every in-kernel test image, then the host-side xunit
/// project, and ends with one line "N passed, M failed" over both.
/// </summary>
public static class TestCommand
{
    public const string Description = """
        Build and run every test image (tests/Kernel/*/*.csproj with NacreTestImage=true), then the
        host tests (dotnet test tests/Host), and print one closing line "N passed, M failed".
        Given projects, run only those: test images, and tests/Host for the host tests.

        Exit codes: 0 all tests passed; 1 some test failed; 125 an error of nacre.
        """;

    public static Command Create(Terminal terminal, CancellationToken cancellation)
    {
        var filter = new Option<string>("--filter") { Description = "only test images, and host tests, whose name contains this", HelpName = "substring" };
        var cpus = CommonOptions.Cpus();
        var memory = CommonOptions.Memory();
        var timeout = CommonOptions.Timeout("the image");
        var noHost = new Option<bool>("--no-host") { Description = "skip the host tests (tests/Host)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "echo every console line of the test images" };
        var qemuOnly = new Option<bool>("--qemu") { Description = "boot the test images under QEMU only, not also in the HVM" };

        var projects = new Argument<string[]>("project") { Description = "test image projects (or tests/Host) to run instead of all", Arity = ArgumentArity.ZeroOrMore };

        var command = new Command("test", Description) { projects, filter, cpus, memory, timeout, noHost, verbose, qemuOnly };
        command.SetAction(parse =>
        {
            var root = RepositoryRoot.Find();
            var (images, host) = TestSession.Select(root, parse.GetValue(projects) ?? []);
            var options = new QemuOptions("")
            {
                Cpus = parse.GetValue(cpus),
                MemoryMiB = parse.GetValue(memory),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
            };
            TestImageRunner.AlsoInHvm = !parse.GetValue(qemuOnly);
            var substring = parse.GetValue(filter) is { Length: > 0 } f ? f : null;

            // An explicit --cpus overrides the CPU counts the test projects ask for.
            int? cpusOverride = parse.GetResult(cpus) is { Implicit: false } ? parse.GetValue(cpus) : null;
            var totals = TestSession.RunImages(images, substring, options, cpusOverride, parse.GetValue(verbose), terminal, cancellation);
            if (host && !parse.GetValue(noHost))
                totals = TestSession.RunHost(root, substring, terminal, totals, cancellation);

            if (totals.Passed + totals.Failed + totals.Skipped == 0)
                throw new NacreException(substring is null ? "no tests were found" : $"no tests match '{substring}'");
            terminal.WriteLine(totals.ToString());
            return totals.Failed == 0 ? ExitCodes.Success : ExitCodes.TestsFailed;
        });
        return command;
    }
}
