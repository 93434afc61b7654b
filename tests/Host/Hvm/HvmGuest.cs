using System.Collections.Concurrent;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Hvm;

/// <summary>
/// The HVM test guest (tests/Fixtures/HvmAsmGuest/guest.S), assembled with gcc (it includes src/Abi/abi.h)
/// and linked with GNU ld once per variant and test run. Each variant is a set of --defsym
/// switches; see the top of guest.S.
/// </summary>
public static class HvmGuest
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Cache = new();

    /// <summary>Serves invokes at CPL 0 (slow on kvm-pvm, where ring 0 is emulated).</summary>
    public static string Ring0 => Get();

    /// <summary>Drops to CPL 3 and serves invokes there, like the kernel's deprivileged mode.</summary>
    public static string Ring3 => Get("RING3");

    public static string Get(params string[] switches) =>
        Cache.GetOrAdd(string.Join(' ', switches), key => new Lazy<string>(() => Assemble(switches))).Value;

    private static string Assemble(string[] switches)
    {
        var source = Repository.PathOf("tests/Fixtures/HvmAsmGuest");
        var directory = Directory.CreateTempSubdirectory("nacre-hvm-guest-").FullName;
        var symbols = switches.Select(s => "-Wa,--defsym," + (s.Contains('=') ? s : s + "=1"));
        GnuTool.Run(directory, "gcc", ["-c", "-m64", "-I", Repository.PathOf("src/Abi"), .. symbols, Path.Combine(source, "guest.S"), "-o", "guest.o"]);
        GnuTool.Run(directory, "ld", ["-m", "elf_x86_64", "--no-warn-rwx-segments", "-T", Path.Combine(source, "guest.ld"), "guest.o", "-o", "guest.elf"]);
        return Path.Combine(directory, "guest.elf");
    }
}
