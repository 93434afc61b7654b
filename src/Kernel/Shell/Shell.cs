using System;
using System.Collections.Generic;
using Nacre.Arch.X64;
using Nacre.Boot;

namespace Nacre.Shell
{
    /// <summary>
    /// A small command shell on the serial console (docs/shell.md). The kernel enters it when
    /// Main returns if the command line holds `shell`; an HRT can also run it itself, e.g.
    /// `return Shell.Run();` at the end of Main. Input is polled; the caller's CPU sleeps a
    /// millisecond between looks, so other threads on it keep running.
    /// </summary>
    public static class Shell
    {
        public const string Prompt = "nacre> ";

        private static readonly List<ShellCommand> s_commands = ShellBuiltins.Create();

        /// <summary>Reads commands from COM1 until `exit` (or Ctrl-D); returns the exit code (exitCode unless `exit N`).</summary>
        public static int Run(int exitCode = 0) => Run(new SerialConsoleInput(), exitCode);

        /// <summary>The same, reading keystrokes from input.</summary>
        public static int Run(IConsoleInput input, int exitCode)
        {
            var session = new ShellSession(exitCode);
            var reader = new LineReader(Echo);
            Console.WriteLine("nacre shell: type help for the commands");
            while (!session.Done)
            {
                Console.Write(Prompt);
                string line = ReadLine(input, reader);
                if (line == null)
                {
                    Console.WriteLine("exit");
                    break;
                }
                Execute(line, session);
            }
            return session.ExitCode;
        }

        /// <summary>Runs one command line (words as on the kernel command line: spaces, double quotes).</summary>
        public static void Execute(string line, ShellSession session)
        {
            string[] words = CommandLine.Split(line);
            if (words.Length == 0) return;
            ShellCommand command = Find(words[0]);
            if (command == null)
            {
                Console.WriteLine($"unknown command '{words[0]}': type help for the commands");
                return;
            }
            string[] args = new string[words.Length - 1];
            for (int i = 1; i < words.Length; i++) args[i - 1] = words[i];
            command.Run(session, args);
        }

        /// <summary>Adds a command (or replaces the one with the same name), e.g. a runtime's own statistics.</summary>
        public static void AddCommand(ShellCommand command)
        {
            for (int i = 0; i < s_commands.Count; i++)
                if (s_commands[i].Name == command.Name) { s_commands[i] = command; return; }
            s_commands.Add(command);
        }

        public static ShellCommand Find(string name)
        {
            for (int i = 0; i < s_commands.Count; i++)
                if (s_commands[i].Name == name) return s_commands[i];
            return null;
        }

        /// <summary>The commands in `help` order.</summary>
        public static IReadOnlyList<ShellCommand> Commands => s_commands;

        private static void Echo(string text) => Console.Write(text);

        /// <summary>The next line, or null when the input ended (Ctrl-D on an empty line).</summary>
        private static string ReadLine(IConsoleInput input, LineReader reader)
        {
            int idle = 0;
            while (true)
            {
                if (!input.TryRead(out byte b))
                {
                    WaitForInput(idle++);
                    continue;
                }
                idle = 0;
                LineStatus status = reader.Feed(b, out string line);
                if (status == LineStatus.Line) return line;
                if (status == LineStatus.EndOfInput) return null;
            }
        }

        private static void WaitForInput(int emptyPolls)
        {
            // Pasted or piped text arrives a byte at a time just after each read: look again
            // at once for a while, then sleep a millisecond per look (people type slower). Without
            // interrupts no timer can wake a sleeper: spin instead.
            if (emptyPolls < 200 || !Cpu.InterruptsEnabled || !Irq.Interrupts.Ready) Cpu.Pause();
            else Threads.Thread.Sleep(1_000_000);
        }
    }
}
