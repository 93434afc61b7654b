using Nacre.Host.Building;
using Nacre.Host.Machines;

namespace Nacre.Host.Tests.Unit;

public sealed class ProjectBuilderTests
{
    [Fact]
    public void KeepsEachCompilerErrorOnce()
    {
        string[] log =
        [
            "  Determining projects to restore...",
            "/src/Main.cs(3,5): error CS0103: The name 'x' does not exist in the current context [/src/a.csproj]",
            "/src/Main.cs(3,5): error CS0103: The name 'x' does not exist in the current context [/src/a.csproj]",
            "Build FAILED.",
        ];
        Assert.Equal([log[1]], ProjectBuilder.ErrorLines(log));
    }

    [Fact]
    public void KeepsTheOutputOfAFailedExecTool()
    {
        string[] log =
        [
            "  ld: kernel.o: undefined reference to `RhpNewFast'",
            "/build/Nacre.targets(40,5): error MSB3073: The command \"ld ...\" exited with code 1. [/src/a.csproj]",
        ];
        Assert.Equal(log, ProjectBuilder.ErrorLines(log));
    }

    [Fact]
    public void ProjectDirectoryMustHoldExactlyOneProject()
    {
        var directory = Directory.CreateTempSubdirectory("nacre-two-projects-").FullName;
        File.WriteAllText(Path.Combine(directory, "a.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "b.csproj"), "<Project />");

        var error = Assert.Throws<Nacre.Host.Infrastructure.NacreException>(() => ProjectFile.Locate(directory));
        Assert.Equal($"{directory} contains 2 .csproj files (a.csproj, b.csproj); an HRT project directory must contain exactly one", error.Message);
    }

    [Fact]
    public void QemuCommandLineFollowsTheBootContract()
    {
        var arguments = QemuCommandLine.Build(new QemuOptions("k.elf") { Cpus = 4, MemoryMiB = 512, KernelArguments = ["a", "b"], ExtraQemuArguments = ["-s"] });

        Assert.Equal(
            ["-kernel", "k.elf", "-serial", "stdio", "-display", "none", "-monitor", "none", "-no-reboot", "-nodefaults",
             "-device", "isa-debug-exit,iobase=0xf4,iosize=4", "-m", "512", "-smp", "4", "-accel", "tcg,thread=multi",
             "-cpu", "max", "-append", "a b", "-s"],
            arguments);
        Assert.DoesNotContain("-enable-kvm", arguments);
    }
}
