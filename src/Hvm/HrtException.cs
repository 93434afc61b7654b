namespace Nacre.Hvm;

/// <summary>
/// Something went wrong with an HRT or its VM. Carries, where there is one, a snapshot of the
/// registers of the vCPU that failed (also formatted into <see cref="Exception.Message"/>) and the
/// last lines the guest wrote to its console.
/// </summary>
public class HrtException : Exception
{
    public HrtException(string message, HrtRegisters? registers = null, IReadOnlyList<string>? lastConsoleLines = null, Exception? inner = null)
        : base(Format(message, registers), inner)
    {
        Summary = message;
        Registers = registers;
        LastConsoleLines = lastConsoleLines ?? [];
    }

    /// <summary>The message without the register dump.</summary>
    public string Summary { get; }

    /// <summary>The failing vCPU's registers, when the failure belongs to one vCPU.</summary>
    public HrtRegisters? Registers { get; }

    /// <summary>The guest's last console lines (up to about 50), oldest first.</summary>
    public IReadOnlyList<string> LastConsoleLines { get; }

    private static string Format(string message, HrtRegisters? registers) =>
        registers is null ? message : $"{message}\n{registers}";
}

/// <summary>The image is not a bootable HRT; the message says exactly why.</summary>
public sealed class HrtImageException(string path, string problem)
    : HrtException($"{path}: {problem}")
{
    public string ImagePath { get; } = path;

    /// <summary>The problem without the file name.</summary>
    public string Problem { get; } = problem;
}

/// <summary>The HRT panicked: it asked to exit with code 127. Its panic report is in the console lines.</summary>
public sealed class HrtPanicException(string message, HrtRegisters? registers, IReadOnlyList<string> lastConsoleLines)
    : HrtException(message, registers, lastConsoleLines);

/// <summary>A vCPU stopped in a way the guest did not ask for: triple fault, an instruction KVM could
/// not emulate, a failed VM entry, an access to an address or port the VMM does not handle.</summary>
public sealed class HrtFaultException(string message, HrtRegisters? registers, IReadOnlyList<string> lastConsoleLines)
    : HrtException(message, registers, lastConsoleLines);

/// <summary>Boot or an invoke took longer than its timeout. The VM has been stopped.</summary>
public sealed class HrtTimeoutException(string message, HrtRegisters? registers, IReadOnlyList<string> lastConsoleLines)
    : HrtException(message, registers, lastConsoleLines);

/// <summary>The HRT is no longer running (it exited, failed or was disposed). When it failed,
/// <see cref="Exception.InnerException"/> is the original failure.</summary>
public sealed class HrtExitedException(string message, IReadOnlyList<string> lastConsoleLines, Exception? cause)
    : HrtException(message, null, lastConsoleLines, cause);

/// <summary>This machine cannot run VMs: no /dev/kvm, no permission, or an unusable KVM.</summary>
public sealed class KvmUnavailableException(string reason) : HrtException(reason);

/// <summary>
/// An export threw an exception that nothing in the HRT caught. The HRT is still running: later
/// calls work as before. <see cref="TypeName"/>, <see cref="GuestMessage"/> and
/// <see cref="GuestStack"/> (one "0x… symbol+0x…" line per frame the exception passed, innermost
/// first) come from the guest's report (docs/hvm.md, "Exceptions").
/// </summary>
public sealed class HrtGuestException(string function, string typeName, string guestMessage, IReadOnlyList<string> guestStack)
    : HrtException($"{function} threw {typeName}: {guestMessage}")
{
    public string Function { get; } = function;
    public string TypeName { get; } = typeName;
    public string GuestMessage { get; } = guestMessage;
    public IReadOnlyList<string> GuestStack { get; } = guestStack;

    public override string? StackTrace =>
        string.Concat(string.Join("\n", GuestStack.Select(f => "   in the HRT at " + f)), "\n", base.StackTrace);

    /// <summary>Reads a report: UTF-8 fields separated by NUL — type, message, then the frames.</summary>
    public static HrtGuestException FromReport(string function, ReadOnlySpan<byte> report)
    {
        var fields = System.Text.Encoding.UTF8.GetString(report).Split('\0');
        var type = fields[0].Length > 0 ? fields[0] : "an exception";
        var message = fields.Length > 1 ? fields[1] : "";
        return new HrtGuestException(function, type, message, fields.Length > 2 ? fields[2..] : []);
    }
}
