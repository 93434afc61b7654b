using System.Text;
using Nacre.Hvm;

namespace Nacre.Host.Tests.Hvm;

/// <summary>The guest's exception report (type, message, frames; NUL-separated UTF-8) read into an HrtGuestException, no VM needed.</summary>
public sealed class HrtGuestExceptionTests
{
    [Fact]
    public void ReportFieldsBecomeTheExceptionsProperties()
    {
        var report = Encoding.UTF8.GetBytes("System.FormatException\0bad \u00fcn\u00efcode\nsecond line\00x0000000000101234 Program.Parse+0x12\00x0000000000105678 Program.Main+0x40");

        var e = HrtGuestException.FromReport("Parse", report);

        Assert.Equal("Parse", e.Function);
        Assert.Equal("System.FormatException", e.TypeName);
        Assert.Equal("bad \u00fcn\u00efcode\nsecond line", e.GuestMessage);
        Assert.Equal(["0x0000000000101234 Program.Parse+0x12", "0x0000000000105678 Program.Main+0x40"], e.GuestStack);
        Assert.Equal("Parse threw System.FormatException: bad \u00fcn\u00efcode\nsecond line", e.Message);
        Assert.IsAssignableFrom<HrtException>(e);
        Assert.Contains("in the HRT at 0x0000000000101234 Program.Parse+0x12", e.StackTrace);
    }

    [Fact]
    public void AReportWithoutFramesOrMessageStillNamesTheType()
    {
        var e = HrtGuestException.FromReport("Run", Encoding.UTF8.GetBytes("MyApp.Oops"));

        Assert.Equal("MyApp.Oops", e.TypeName);
        Assert.Equal("", e.GuestMessage);
        Assert.Empty(e.GuestStack);
    }
}
