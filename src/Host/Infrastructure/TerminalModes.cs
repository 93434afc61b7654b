namespace Nacre.Host.Infrastructure;

/// <summary>
/// Saves the settings of the terminal on stdin and puts them back when disposed. QEMU switches
/// its stdin terminal to raw mode for an interactive console and restores it when it exits
/// normally, but not when nacre has to kill it (timeout): the user's shell must not be left raw.
/// </summary>
public sealed class TerminalModes : IDisposable
{
    private readonly string _saved;

    private TerminalModes(string saved) => _saved = saved;

    /// <summary>Null when stdin is not a terminal (a pipe, a file) or stty is missing: nothing to restore.</summary>
    public static TerminalModes? Preserve()
    {
        if (!Console.IsInputRedirected && Stty(["-g"]) is { Length: > 0 } saved)
            return new TerminalModes(saved);
        return null;
    }

    public void Dispose() => Stty([_saved]);

    private static string? Stty(string[] arguments)
    {
        var output = new System.Text.StringBuilder();
        try
        {
            // stty works on its stdin, which must be our terminal: interactive leaves it inherited.
            var result = ChildProcess.Run("stty", arguments, text => output.Append(text), null,
                TimeSpan.FromSeconds(5), interactive: true);
            return result.ExitCode == 0 ? output.ToString().Trim() : null;
        }
        catch (NacreException)
        {
            return null;
        }
    }
}
