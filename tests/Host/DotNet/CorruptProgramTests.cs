using System.Buffers.Binary;

namespace Nacre.Host.Tests.DotNet;

/// <summary>
/// A damaged program is refused by the loader with a message naming the damage, never a kernel
/// fault: each case corrupts one field of a real program (tests/Fixtures/CPrograms/basics.c).
/// </summary>
public sealed class CorruptProgramTests
{
    private const long DtStrTab = 5, DtRela = 7;

    public static TheoryData<string, string> Cases => new()
    {
        { "truncated", "basics: segment" },
        { "strtab", "corrupt dynamic section: the string table lies outside the loaded segments" },
        { "relocation", "corrupt relocation: it writes at" },
        { "dynamic", "the dynamic section lies outside the loaded segments" },
        { "machine", "built for machine 183, not x86-64" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsRefusedWithAMessage(string damage, string message)
    {
        var bytes = File.ReadAllBytes(WorldPrograms.C("basics"));
        bytes = Corrupt(bytes, damage);
        var path = Path.Combine(Path.GetTempPath(), $"nacre-corrupt-{Environment.ProcessId}-{damage}", "basics");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        var run = WorldPrograms.RunAsHrt(path, "--qemu", 1);
        Assert.True(run.ExitCode == 126, run.Cli.ToString());
        Assert.Contains(run.Lines, l => l.StartsWith("nacre: cannot run the program: ", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
    }

    private static byte[] Corrupt(byte[] elf, string damage)
    {
        var span = elf.AsSpan();
        ulong phoff = BinaryPrimitives.ReadUInt64LittleEndian(span[32..]);
        int phnum = BinaryPrimitives.ReadUInt16LittleEndian(span[56..]);
        switch (damage)
        {
            case "truncated":
                return elf[..(elf.Length / 2)];
            case "machine":
                BinaryPrimitives.WriteUInt16LittleEndian(span[18..], 183);   // EM_AARCH64
                return elf;
        }
        for (int i = 0; i < phnum; i++)
        {
            var ph = span[(int)(phoff + (ulong)i * 56)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(ph) != 2) continue;   // PT_DYNAMIC
            if (damage == "dynamic")
            {
                BinaryPrimitives.WriteUInt64LittleEndian(ph[16..], 0x7000_0000);   // p_vaddr
                return elf;
            }
            var offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(ph[8..]);
            for (int d = offset; ; d += 16)
            {
                long tag = BinaryPrimitives.ReadInt64LittleEndian(span[d..]);
                if (tag == 0) break;
                if (damage == "strtab" && tag == DtStrTab) { BinaryPrimitives.WriteUInt64LittleEndian(span[(d + 8)..], 0x7FFF_0000); return elf; }
                if (damage == "relocation" && tag == DtRela)
                {
                    // The RELA table's file offset equals its address in these programs (the first segment starts at 0).
                    var rela = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[(d + 8)..]);
                    BinaryPrimitives.WriteUInt64LittleEndian(span[rela..], 0x7FFF_FFF0);
                    return elf;
                }
            }
        }
        throw new InvalidOperationException($"could not apply {damage}");
    }
}
