using System.Collections.Concurrent;

namespace Nacre.Host.Tests.Support;

/// <summary>
/// Minimal multiboot guests assembled with GNU as/ld (installed by scripts/setup.sh), to test
/// nacre's QEMU path and exit protocol without depending on the real kernel. The guest prints
/// its multiboot command line and "hi" to COM1, then does what <see cref="Behaviour"/> says.
/// </summary>
public static class TinyGuest
{
    public enum Behaviour { Exit, Spin, TripleFault }

    private static readonly ConcurrentDictionary<(Behaviour, int), Lazy<string>> Cache = new();

    /// <summary>A guest that writes <paramref name="exitValue"/> to the debug-exit port.</summary>
    public static string Exiting(int exitValue) => Get(Behaviour.Exit, exitValue);

    public static string Get(Behaviour behaviour, int exitValue = 0) =>
        Cache.GetOrAdd((behaviour, exitValue), key => new Lazy<string>(() => Assemble(key.Item1, key.Item2))).Value;

    private static string Assemble(Behaviour behaviour, int exitValue)
    {
        var directory = Directory.CreateTempSubdirectory("nacre-tiny-guest-").FullName;
        File.WriteAllText(Path.Combine(directory, "guest.S"), Source);
        File.WriteAllText(Path.Combine(directory, "guest.ld"), LinkerScript);
        var symbols = new List<string> { "--defsym", $"EXITVALUE={exitValue}" };
        if (behaviour != Behaviour.Exit)
            symbols.AddRange(["--defsym", behaviour == Behaviour.Spin ? "SPIN=1" : "TRIPLE=1"]);

        GnuTool.Run(directory, "as", [.. symbols, "--64", "guest.S", "-o", "guest.o"]);
        GnuTool.Run(directory, "ld", ["-m", "elf_x86_64", "-T", "guest.ld", "guest.o", "-o", "guest.elf"]);
        return Path.Combine(directory, "guest.elf");
    }

    // A multiboot v1 header with the a.out kludge (flags bit 16): QEMU loads ELF64 files only
    // through the header's load addresses. The code runs in 32-bit protected mode.
    private const string Source = """
        .set MAGIC, 0x1BADB002
        .set FLAGS, 0x10000
        .section .multiboot, "a"
        .align 4
        header:
        .long MAGIC, FLAGS, -(MAGIC + FLAGS)
        .long header, header, load_end, bss_end, start
        .text
        .code32
        .global start
        start:
            mov $0x3F8, %dx
            testl $4, (%ebx)          # multiboot info: is there a command line?
            jz 2f
            mov 16(%ebx), %esi
        1:  lodsb
            test %al, %al
            jz 2f
            out %al, %dx
            jmp 1b
        2:  mov $'\n', %al
            out %al, %dx
            mov $'h', %al
            out %al, %dx
            mov $'i', %al
            out %al, %dx
            mov $'\n', %al
            out %al, %dx
        .ifdef SPIN
        3:  jmp 3b
        .endif
        .ifdef TRIPLE
            lidt empty_idt             # no IDT: the breakpoint faults, then double and triple faults
            int3
        .endif
            mov $0xf4, %dx
            mov $EXITVALUE, %eax
            out %eax, %dx
        4:  hlt
            jmp 4b
        empty_idt:
            .word 0
            .long 0
        """;

    private const string LinkerScript = """
        ENTRY(start)
        SECTIONS {
          . = 1M;
          .text : { *(.multiboot) *(.text) *(.data) }
          load_end = .;
          .bss : { *(.bss) }
          bss_end = .;
        }
        """;
}
