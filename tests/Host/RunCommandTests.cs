using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests;

/// <summary><c>nacre run</c> refusing what it cannot boot: exit 125 and one precise message.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public void MissingPathIsAnError()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"nacre-missing-{Guid.NewGuid():N}.elf");
        var result = CliResult.Invoke("run", missing);
        Assert.Equal(125, result.ExitCode);
        Assert.Equal([$"{missing} does not exist"], result.Errors);
        Assert.Equal("", result.Stdout);
    }

    public static TheoryData<string, byte[], string> CorruptImages() => new()
    {
        { "random.elf", RandomBytes(4096), "{0} is not an ELF file" },
        { "empty.elf", [], "{0} is not an ELF file" },
        { "header-only.elf", SyntheticImage.Valid()[..40], "{0} is truncated (40 bytes, shorter than an ELF64 header)" },
        { "truncated.elf", SyntheticImage.Valid()[..200], "{0} is truncated: segment 0 ends at byte 256 but the file has 200 bytes" },
        { "elf32.elf", SyntheticImage.Build(elfClass: 1), "{0} is ELF32, expected ELF64" },
        { "bigendian.elf", SyntheticImage.Build(dataEncoding: 2), "{0} is not little-endian, expected a little-endian x86-64 image" },
        { "arm64.elf", SyntheticImage.Build(machine: 183), "{0} is for ELF machine 183, expected x86-64 (EM_X86_64 = 62)" },
        { "no-multiboot.elf", SyntheticImage.Build(multiboot: false), "{0} has no multiboot header in the first 8 KiB" },
        { "bad-checksum.elf", SyntheticImage.Build(badChecksum: true), "{0} has a multiboot header at offset 0x80 with a bad checksum" },
    };

    [Theory]
    [MemberData(nameof(CorruptImages))]
    public void CorruptImageIsRejectedBeforeBooting(string fileName, byte[] bytes, string expected)
    {
        var path = SyntheticImage.Write(fileName, bytes);
        var result = CliResult.Invoke("run", path);
        Assert.Equal(125, result.ExitCode);
        Assert.Equal([string.Format(expected, path)], result.Errors);
        Assert.DoesNotContain("[boot]", result.Stderr); // rejected before QEMU was started
    }

    [Fact]
    public void DirectoryWithoutProjectIsAnError()
    {
        var directory = Directory.CreateTempSubdirectory("nacre-empty-").FullName;
        var result = CliResult.Invoke("run", directory);
        Assert.Equal(125, result.ExitCode);
        Assert.Equal([$"{directory} contains no .csproj file, so it is not an HRT project"], result.Errors);
    }

    [Theory]
    [InlineData("--cpus", "0", "--cpus must be between 1 and 255, got 0")]
    [InlineData("--cpus", "256", "--cpus must be between 1 and 255, got 256")]
    [InlineData("--memory", "15", "--memory must be between 16 and 65536, got 15")]
    [InlineData("--timeout", "0", "--timeout must be a positive number of seconds, got 0")]
    public void OutOfRangeOptionIsAnError(string option, string value, string expected)
    {
        var image = SyntheticImage.Write("valid.elf", SyntheticImage.Valid());
        var result = CliResult.Invoke("run", image, option, value);
        Assert.Equal(125, result.ExitCode);
        Assert.Equal([expected], result.Errors);
    }

    [Fact]
    public void UnknownOptionIsAnError()
    {
        var result = CliResult.Invoke("run", "x.elf", "--frobnicate");
        Assert.Equal(125, result.ExitCode);
        Assert.Contains(result.Errors, e => e.Contains("--frobnicate", StringComparison.Ordinal));
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(1234).NextBytes(bytes);
        bytes[0] = 0; // never start with 0x7f 'E' 'L' 'F' by accident
        return bytes;
    }
}
