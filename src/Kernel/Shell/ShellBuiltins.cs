using System;
using System.Collections.Generic;
using Nacre.Arch.X64;
using Nacre.Testing;

namespace Nacre.Shell
{
    /// <summary>The commands every shell has: help, cpus, mem, threads, test, reboot, exit.</summary>
    internal static class ShellBuiltins
    {
        public const int MaxExitCode = Platform.PanicExitCode - 1;   // 127 means a panic to nacre

        public static List<ShellCommand> Create() => new List<ShellCommand>
        {
            new ShellCommand("help", "", "this list", Help),
            new ShellCommand("cpus", "", "each CPU: APIC id, NUMA node, idle policy, current thread, run-queue length", (s, a) => SystemReport.Cpus()),
            new ShellCommand("mem", "", "memory zones with free blocks per buddy order, heap and paging", (s, a) => Memory.MemorySystem.Describe()),
            new ShellCommand("threads", "", "live threads: id, CPU, state, name", (s, a) => SystemReport.Threads()),
            new ShellCommand("test", "[filter...]", "run this image's in-kernel tests (those whose name contains a filter)", Test),
            new ShellCommand("reboot", "", "reset the machine", Reboot),
            new ShellCommand("exit", "[code]", "leave the shell with code (0..126; default: the code Main returned)", Exit),
        };

        private static void Help(ShellSession session, string[] args)
        {
            Console.WriteLine("commands:");
            IReadOnlyList<ShellCommand> commands = Shell.Commands;
            for (int i = 0; i < commands.Count; i++)
            {
                ShellCommand c = commands[i];
                string synopsis = c.Arguments.Length == 0 ? c.Name : string.Concat(c.Name, " ", c.Arguments);
                Console.WriteLine($"  {synopsis,-18}{c.Summary}");
            }
            Console.WriteLine("line editing: Backspace, Ctrl-U erases the line, Ctrl-C abandons it, Ctrl-D on an empty line exits");
        }

        private static void Test(ShellSession session, string[] filters)
        {
            TestCase[] tests = TestRunner.ImageTests;
            if (tests.Length == 0)
            {
                Console.WriteLine("test: this image has no in-kernel tests (a test image is a project with NacreTestImage=true)");
                return;
            }
            TestRunner.Run(tests, filters);
        }

        private static void Reboot(ShellSession session, string[] args)
        {
            Console.WriteLine("rebooting");
            Platform.Reset();
        }

        private static void Exit(ShellSession session, string[] args)
        {
            if (args.Length > 1)
            {
                Console.WriteLine("exit: one code at most");
                return;
            }
            if (args.Length == 1)
            {
                int code = ParseExitCode(args[0]);
                if (code < 0)
                {
                    Console.WriteLine($"exit: '{args[0]}' is not a number from 0 to {MaxExitCode}");
                    return;
                }
                session.ExitCode = code;
            }
            session.Done = true;
        }

        /// <summary>A decimal from 0 to MaxExitCode, or -1.</summary>
        public static int ParseExitCode(string text)
        {
            if (text.Length == 0 || text.Length > 3) return -1;
            int value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return -1;
                value = value * 10 + (c - '0');
            }
            return value <= MaxExitCode ? value : -1;
        }
    }
}
