using Nacre.Host.Machines;

namespace Nacre.Host.Tests.Unit;

public sealed class ExitStatusTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(7, 3)]
    [InlineData(253, 126)]
    public void OddStatusCarriesTheGuestsCode(int qemuStatus, int guestCode) =>
        Assert.Equal(new ExitStatus(ExitKind.Exited, guestCode), ExitStatus.Decode(qemuStatus, ""));

    [Fact]
    public void StatusOf127IsAPanic() =>
        Assert.Equal(ExitKind.Panicked, ExitStatus.Decode((127 << 1) | 1, "").Kind);

    [Fact]
    public void ZeroIsASilentReset() =>
        Assert.Equal(ExitKind.SilentReset, ExitStatus.Decode(0, "").Kind);

    [Theory]
    [InlineData(2)]
    [InlineData(256)]
    public void EvenOrOutOfRangeStatusIsAQemuFailure(int qemuStatus) =>
        Assert.Equal(ExitKind.QemuFailed, ExitStatus.Decode(qemuStatus, "").Kind);

    [Fact]
    public void StatusOneWithAQemuErrorIsAQemuFailureNotGuestZero() =>
        Assert.Equal(ExitKind.QemuFailed, ExitStatus.Decode(1, "qemu-system-x86_64: -kernel x: Cannot load x86-64 image, give a 32bit one.\n").Kind);

    [Fact]
    public void QemuWarningsDoNotTurnSuccessIntoFailure() =>
        Assert.Equal(ExitKind.Exited, ExitStatus.Decode(1, "qemu-system-x86_64: warning: TCG doesn't support requested feature\n").Kind);
}
