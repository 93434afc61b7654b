using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Nacre.Abi;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// src/Abi/abi.h, the assembly's view of the kernel–VMM contract, is generated from the C# in
/// src/Abi (the same source the kernel and Nacre.Hvm compile): every constant, and every struct's
/// field offsets and size, as a #define named TYPE_MEMBER. This test renders the header from the
/// compiled types and fails when the file differs; with NACRE_WRITE_ABI_HEADER=1 it rewrites it.
/// </summary>
public sealed class AbiHeaderTests
{
    private const string HeaderPath = "src/Abi/abi.h";

    [Fact]
    public void HeaderIsGeneratedFromTheCSharp()
    {
        var expected = Render();
        var path = Repository.PathOf(HeaderPath);
        var actual = File.Exists(path) ? File.ReadAllText(path) : "";
        if (actual != expected && Environment.GetEnvironmentVariable("NACRE_WRITE_ABI_HEADER") == "1")
        {
            File.WriteAllText(path, expected);
            actual = expected;
        }
        Assert.True(actual == expected,
            $"{HeaderPath} is out of date with src/Abi/*.cs: run this test with NACRE_WRITE_ABI_HEADER=1 to regenerate it. " +
            $"First difference at line {FirstDifferentLine(actual, expected)}; it should read:\n{expected}");
    }

    [Fact]
    public void EveryAbiTypeHasExplicitLayout()
    {
        foreach (var type in AbiTypes().Where(t => t.IsValueType))
            Assert.True(type.StructLayoutAttribute?.Value == LayoutKind.Explicit,
                $"{type.Name} crosses the kernel–VMM boundary: give it LayoutKind.Explicit so that both compilers lay it out alike");
    }

    [Fact]
    public void TheMailboxesFitTheirPage()
    {
        Assert.Equal(GuestPhysical.MailboxStride, (ulong)Marshal.SizeOf<InvokeMailbox>());
        Assert.True(GuestPhysical.MailboxStride * GuestPhysical.MaxCpus <= 0x1000);
        Assert.True(GuestPhysical.ModuleNamesAddress + GuestPhysical.MaxModules * (GuestPhysical.MaxModuleNameLength + 1UL)
            <= GuestPhysical.ModuleTableAddress + 0x1000);
        Assert.True(GuestPhysical.MemoryMapAddress + GuestPhysical.MaxMemoryMapEntries * (ulong)Marshal.SizeOf<MemoryMapEntry>()
            <= GuestPhysical.CommandLineAddress);
    }

    private static IEnumerable<Type> AbiTypes() =>
        typeof(GuestPhysical).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace == "Nacre.Abi")
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("""
            /* abi.h — the kernel–VMM contract (docs/hvm.md) for assembly: GENERATED from src/Abi/*.cs,
             * which the kernel and Nacre.Hvm both compile. Do not edit: change the C# and regenerate with
             * NACRE_WRITE_ABI_HEADER=1 dotnet test tests/Host --filter AbiHeaderTests (the test fails
             * while this file and the C# differ). Constants are TYPE_MEMBER; a struct's fields are
             * TYPE_FIELD (byte offsets) and TYPE_SIZE. */

            #ifndef NACRE_ABI_H
            #define NACRE_ABI_H

            """).Append('\n');
        foreach (var type in AbiTypes())
        {
            text.Append($"/* {type.Name} */\n");
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).OrderBy(f => f.MetadataToken))
                text.Append(Define(type, field.Name, Convert.ToUInt64(field.GetRawConstantValue())));
            if (type.IsValueType)
            {
                foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance).OrderBy(f => f.MetadataToken))
                    text.Append(Define(type, field.Name, (ulong)Marshal.OffsetOf(type, field.Name)));
                text.Append(Define(type, "Size", (ulong)Marshal.SizeOf(type)));
            }
            text.Append('\n');
        }
        return text.Append("#endif\n").ToString();
    }

    private static string Define(Type type, string member, ulong value) =>
        $"#define {Snake(type.Name)}_{Snake(member)} 0x{value:X}\n";

    /// <summary>BootInfoHeader → BOOT_INFO_HEADER, MemoryMapAddress → MEMORY_MAP_ADDRESS, Arg0 → ARG0.</summary>
    private static string Snake(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
                text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }

    private static int FirstDifferentLine(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var i = 0;
        while (i < a.Length && i < e.Length && a[i] == e[i]) i++;
        return i + 1;
    }
}
