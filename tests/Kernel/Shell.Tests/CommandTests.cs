using Nacre.Shell;
using Nacre.Boot;
using Nacre.Testing;

namespace Shell.Tests
{
    /// <summary>Command parsing and dispatch, and the command loop on scripted keystrokes.</summary>
    public static class CommandTests
    {
        /// <summary>Keystrokes from a string; when they run out, Ctrl-D (so a broken script cannot loop forever).</summary>
        private sealed class Script : IConsoleInput
        {
            private readonly string _bytes;
            private int _next;
            public Script(string bytes) { _bytes = bytes; }

            public bool TryRead(out byte b)
            {
                b = _next < _bytes.Length ? (byte)_bytes[_next] : (byte)0x04;
                _next++;
                return true;
            }
        }

        private static ShellSession Execute(string line, int exitCode = 3)
        {
            var session = new ShellSession(exitCode);
            Nacre.Shell.Shell.Execute(line, session);
            return session;
        }

        [Test]
        public static void ExitWithACodeEndsTheSessionWithIt()
        {
            ShellSession s = Execute("exit 7");
            Assert.True(s.Done);
            Assert.Equal(7L, s.ExitCode);
            s = Execute("  exit   0  ");
            Assert.True(s.Done);
            Assert.Equal(0L, s.ExitCode);
        }

        [Test]
        public static void ExitWithoutACodeKeepsMainsCode()
        {
            ShellSession s = Execute("exit", exitCode: 42);
            Assert.True(s.Done);
            Assert.Equal(42L, s.ExitCode);
        }

        [Test]
        public static void BadExitCodesAreRefusedAndTheShellGoesOn()
        {
            string[] bad = { "exit 127", "exit -1", "exit 1000", "exit x", "exit 1 2", "exit \"\"" };
            for (int i = 0; i < bad.Length; i++)
            {
                ShellSession s = Execute(bad[i]);
                Assert.False(s.Done, bad[i]);
                Assert.Equal(3L, s.ExitCode, bad[i]);
            }
            Assert.Equal(126L, Execute("exit 126").ExitCode);
        }

        [Test]
        public static void UnknownAndEmptyLinesDoNothing()
        {
            Assert.False(Execute("frobnicate now").Done);
            Assert.False(Execute("").Done);
            Assert.False(Execute("   ").Done);
            Assert.False(Execute("EXIT 1").Done, "names are case-sensitive");
        }

        private static string[] s_seen;

        [Test]
        public static void ArgumentsAreSplitLikeTheKernelCommandLine()
        {
            Nacre.Shell.Shell.AddCommand(new ShellCommand("args", "[words...]", "records its arguments (a test command)", (session, args) => s_seen = args));
            Assert.NotNull(Nacre.Shell.Shell.Find("args"));
            Execute("args  one \"two words\"   three");
            Assert.Equal(3L, s_seen.Length);
            Assert.Equal("one", s_seen[0]);
            Assert.Equal("two words", s_seen[1]);
            Assert.Equal("three", s_seen[2]);
            Execute("args");
            Assert.Equal(0L, s_seen.Length);
        }

        [Test]
        public static void BuiltinCommandsAreListedInOrder()
        {
            string[] expected = { "help", "cpus", "mem", "threads", "test", "reboot", "exit" };
            for (int i = 0; i < expected.Length; i++)
                Assert.Equal(expected[i], Nacre.Shell.Shell.Commands[i].Name);
        }

        [Test]
        public static void RunReturnsTheCodeOfExit()
        {
            Assert.Equal(9L, Nacre.Shell.Shell.Run(new Script("help\r\ncpus\r\nthreads\r\nmem\r\nexot\x7F\x7F" + "it 9\r\n"), 0));
        }

        [Test]
        public static void RunEndsAtEndOfInputWithTheCodeItWasGiven()
        {
            Assert.Equal(5L, Nacre.Shell.Shell.Run(new Script("help\n"), 5));
            Assert.Equal(4L, Nacre.Shell.Shell.Run(new Script(""), 4));
        }

        [Test]
        public static void TheShellOptionIsTakenOffMainsArguments()
        {
            string[] args = CommandLine.Arguments("image.elf a shell b shell", startsWithImagePath: true);
            Assert.Equal(2L, args.Length);
            Assert.Equal("a", args[0]);
            Assert.Equal("b", args[1]);
            Assert.True(CommandLine.IsKernelOption(CommandLine.ShellOption));
            Assert.Equal(1L, CommandLine.Arguments("\"shell \"", false).Length, "a quoted word is Main's");
        }

        [Test]
        public static void ThisImagesTestsAreRegistered()
        {
            TestCase[] tests = TestRunner.ImageTests;
            bool found = false;
            for (int i = 0; i < tests.Length; i++)
                if (tests[i].Name == "CommandTests.ThisImagesTestsAreRegistered") found = true;
            Assert.True(found, "the generated registry is exported to the kernel");
        }
    }
}
