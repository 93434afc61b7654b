using Nacre.Host.Infrastructure;
using Nacre.Hvm;
using Nacre.Hvm.Elf;

namespace Nacre.Host.Building;

/// <summary>
/// An unmodified NativeAOT program for the .NET world (docs/dotnet.md): how nacre recognises
/// one, publishes a project that makes one, and what it boots — the DotNetHost kernel image with
/// the program as its first module and the host's libm (the program's math functions, run as
/// they are on Linux) after it.
/// </summary>
public static class DotNetProgram
{
    /// <summary>Where the host's glibc keeps libm on Debian/Ubuntu and other distributions.</summary>
    private static readonly string[] LibmLocations =
        ["/lib/x86_64-linux-gnu/libm.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6", "/lib64/libm.so.6", "/usr/lib64/libm.so.6"];

    /// <summary>The memory a .NET-world run gets unless --memory says otherwise: the GC wants room.</summary>
    public const int DefaultMemoryMiB = 1024;

    /// <summary>
    /// True for a position-independent ELF (ET_DYN): what `dotnet publish -p:PublishAot=true`
    /// makes. Nacre's kernel images are fixed-address executables (ET_EXEC).
    /// </summary>
    public static bool IsProgram(string path)
    {
        if (!File.Exists(path))
            return false;
        Span<byte> header = stackalloc byte[18];
        using var file = File.OpenRead(path);
        if (file.Read(header) < header.Length)
            return false;
        return Elf64.HasMagic(header) && Elf64.Class(header) == Elf64.Class64 && Elf64.Type(header) == Elf64.TypeDyn;
    }

    /// <summary>A project directory (or .csproj) that publishes a NativeAOT program rather than building an HRT image.</summary>
    public static bool IsProject(string target)
    {
        if (!(Directory.Exists(target) || target.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)))
            return false;
        var projectFile = ProjectFile.Locate(target);
        var properties = MsBuild.GetProperties(projectFile, ["PublishAot", "NacreImage"]);
        return string.Equals(properties.GetValueOrDefault("PublishAot"), "true", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(properties.GetValueOrDefault("NacreImage"));
    }

    /// <summary>`dotnet publish -c Release -r linux-x64` into obj/nacre-publish; returns the program's path.</summary>
    public static string Publish(string target, Terminal? progress)
    {
        var projectFile = ProjectFile.Locate(target);
        var name = ProjectFile.DisplayName(projectFile);
        var output = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", "nacre-publish");
        progress?.Progress("publish", $"{name} (NativeAOT) ...");
        var lines = new List<string>();
        var result = ChildProcess.Run("dotnet",
            ["publish", projectFile, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-tl:off", "-clp:NoSummary"],
            line => { lock (lines) lines.Add(line); }, line => { lock (lines) lines.Add(line); }, environment: MsBuild.Environment);
        if (result.ExitCode != 0)
            throw new NacreException($"publishing {name} failed:\n{string.Join('\n', ProjectBuilder.ErrorLines(lines))}");
        var assemblyName = MsBuild.GetProperties(projectFile, ["AssemblyName"]).GetValueOrDefault("AssemblyName") ?? name;
        var program = Path.Combine(output, assemblyName);
        if (!IsProgram(program))
            throw new NacreException($"publishing {name} produced no NativeAOT program at {program} (is PublishAot set?)");
        progress?.Progress("publish", $"{name} done in {Seconds.Format(result.Elapsed)}");
        return program;
    }

    /// <summary>The kernel image that runs .NET programs, built from src/DotNetHost when its sources changed.</summary>
    public static string HostImage(Terminal? progress) =>
        ProjectBuilder.Build(Path.Combine(RepositoryRoot.Find(), "src", "DotNetHost"), progress).Image;

    /// <summary>The boot modules for program: the program itself, then libm when the host has it.</summary>
    public static IReadOnlyList<HrtModule> Modules(string program)
    {
        List<HrtModule> modules = [new HrtModule(Path.GetFullPath(program), Path.GetFileName(program))];
        var libm = LibmLocations.FirstOrDefault(File.Exists);
        if (libm is not null)
            modules.Add(new HrtModule(libm, "libm.so.6"));
        return modules;
    }
}
