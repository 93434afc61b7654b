namespace Nacre.Host.Infrastructure;

/// <summary>
/// The two streams a command writes to. Console output (the guest's serial console, test
/// results) goes to <see cref="Out"/>; progress and errors go to <see cref="Error"/>, so that
/// piping stdout captures only what the guest printed. Both are injectable so that tests can run
/// the CLI in-process and inspect exactly what it would print.
/// </summary>
public sealed class Terminal(TextWriter output, TextWriter error)
{
    public static Terminal Console => new(System.Console.Out, System.Console.Error);

    public TextWriter Out { get; } = TextWriter.Synchronized(output);

    public TextWriter Error { get; } = TextWriter.Synchronized(error);

    /// <summary>Writes one line to stdout and flushes it, so the console is seen live.</summary>
    public void WriteLine(string line)
    {
        Out.WriteLine(line);
        Out.Flush();
    }

    /// <summary>Writes text as it is (no line end added) and flushes it: an interactive console.</summary>
    public void Write(string text)
    {
        Out.Write(text);
        Out.Flush();
    }

    /// <summary>A progress line such as <c>[build] hello ...</c>, on stderr.</summary>
    public void Progress(string tag, string message)
    {
        Error.WriteLine($"[{tag}] {message}");
        Error.Flush();
    }

    /// <summary>Reports one of nacre's own errors in the one format scripts can match.</summary>
    public void Fail(string message)
    {
        Error.WriteLine($"nacre: error: {message}");
        Error.Flush();
    }

    public void Note(string message)
    {
        Error.WriteLine($"nacre: {message}");
        Error.Flush();
    }
}
