using System.Text.RegularExpressions;
using Nacre.Host.Tests.Support;

namespace Nacre.Host.Tests.Unit;

/// <summary>
/// The in-kernel test AsmOffsets (Smp.Tests) checks the offsets asmoffsets.S assembles into its
/// table; this makes sure that table lists every offset structoffsets.h defines, so none goes
/// unchecked.
/// </summary>
public sealed partial class AsmOffsetsTableTests
{
    [Fact]
    public void EveryStructOffsetIsInTheCheckedTable()
    {
        var arch = Repository.PathOf("src/Kernel/arch/x64");
        var defined = DefineName().Matches(File.ReadAllText(Path.Combine(arch, "structoffsets.h")))
            .Select(m => m.Groups[1].Value).Where(n => !n.EndsWith("_H", StringComparison.Ordinal)).ToHashSet();
        var checkedNames = CheckName().Matches(File.ReadAllText(Path.Combine(arch, "asmoffsets.S")))
            .Select(m => m.Groups[1].Value).Where(n => n != "name").ToHashSet();
        Assert.NotEmpty(defined);
        Assert.Empty(defined.Except(checkedNames));
        Assert.Empty(checkedNames.Except(defined));
    }

    [GeneratedRegex(@"^#define\s+(\w+)\s", RegexOptions.Multiline)]
    private static partial Regex DefineName();

    [GeneratedRegex(@"CHECK\((\w+)\)")]
    private static partial Regex CheckName();
}
