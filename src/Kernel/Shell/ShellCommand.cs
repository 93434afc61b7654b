using System;

namespace Nacre.Shell
{
    /// <summary>One shell command: its name, an argument synopsis for `help`, a one-line summary, and what it does.</summary>
    public sealed class ShellCommand
    {
        public readonly string Name;
        public readonly string Arguments;
        public readonly string Summary;
        internal readonly Action<ShellSession, string[]> Run;

        public ShellCommand(string name, string arguments, string summary, Action<ShellSession, string[]> run)
        {
            Name = name;
            Arguments = arguments ?? "";
            Summary = summary ?? "";
            Run = run;
        }
    }

    /// <summary>The state of one <see cref="Shell.Run(IConsoleInput, int)"/>: the code it will return, and whether it is over.</summary>
    public sealed class ShellSession
    {
        /// <summary>What Run returns: the code it was given (Main's) until `exit N` sets another.</summary>
        public int ExitCode;

        /// <summary>Set by `exit` (or a command of yours) to leave the shell after this command.</summary>
        public bool Done;

        public ShellSession(int exitCode) { ExitCode = exitCode; }
    }
}
