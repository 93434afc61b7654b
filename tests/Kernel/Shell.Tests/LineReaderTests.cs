using System.Collections.Generic;
using System.Text;
using Nacre.Shell;
using Nacre.Testing;

namespace Shell.Tests
{
    /// <summary>Line editing on byte sequences: what lines come out and what is echoed.</summary>
    public static class LineReaderTests
    {
        private sealed class Typing
        {
            public readonly List<string> Lines = new List<string>();
            public readonly StringBuilder Echo = new StringBuilder();
            public int EndsOfInput;
            public readonly LineReader Reader;

            public Typing() { Reader = new LineReader(text => Echo.Append(text)); }

            public Typing Type(string bytes)
            {
                for (int i = 0; i < bytes.Length; i++)
                {
                    LineStatus status = Reader.Feed((byte)bytes[i], out string line);
                    if (status == LineStatus.Line) Lines.Add(line);
                    else if (status == LineStatus.EndOfInput) EndsOfInput++;
                    else Assert.Null(line, "no line without a line end");
                }
                return this;
            }
        }

        private static void Lines(Typing t, params string[] expected)
        {
            Assert.Equal((long)expected.Length, t.Lines.Count, "number of lines");
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], t.Lines[i]);
        }

        [Test]
        public static void PrintableTextIsEchoedAndEndsAtEnter()
        {
            var t = new Typing().Type("help\n");
            Lines(t, "help");
            Assert.Equal("help\n", t.Echo.ToString());
            Assert.Equal("", t.Reader.Pending);
        }

        [Test]
        public static void CrLfCrAndLfEachEndOneLine()
        {
            Lines(new Typing().Type("a\r\nb\rc\nd\r\r\n"), "a", "b", "c", "d", "");
        }

        [Test]
        public static void BackspaceAndDeleteEraseTheLastCharacter()
        {
            var t = new Typing().Type("thx\x7F" + "reada\bs\n");
            Lines(t, "threads");
            Assert.Equal("thx\b \breada\b \bs\n", t.Echo.ToString());
        }

        [Test]
        public static void BackspaceOnAnEmptyLineDoesNothing()
        {
            var t = new Typing().Type("\x7F\x7F" + "ok\n");
            Lines(t, "ok");
            Assert.Equal("ok\n", t.Echo.ToString());
        }

        [Test]
        public static void CtrlUErasesTheLine()
        {
            var t = new Typing().Type("abc\x15" + "mem\n");
            Lines(t, "mem");
            Assert.Equal("abc\b \b\b \b\b \bmem\n", t.Echo.ToString());
        }

        [Test]
        public static void CtrlCAbandonsTheLineAsAnEmptyOne()
        {
            var t = new Typing().Type("reboot\x03" + "cpus\n");
            Lines(t, "", "cpus");
            Assert.Equal("reboot^C\ncpus\n", t.Echo.ToString());
        }

        [Test]
        public static void CtrlDEndsTheInputOnlyOnAnEmptyLine()
        {
            var t = new Typing().Type("ab\x04");
            Assert.Equal(0L, t.EndsOfInput, "text pending: Ctrl-D ignored");
            Assert.Equal("ab", t.Reader.Pending);
            t.Type("\n\x04");
            Assert.Equal(1L, t.EndsOfInput);
            Lines(t, "ab");
        }

        [Test]
        public static void EscapeSequencesAndOtherControlBytesAreIgnored()
        {
            // Up arrow (CSI A), F1 (SS3 P), Delete (CSI 3 ~), a bell, a NUL, UTF-8 bytes of 'é'.
            var t = new Typing().Type("c\x1B[Ap\x1BOPu\x1B[3~s\a\0\xC3\xA9\n");
            Lines(t, "cpus");
            Assert.Equal("cpus\n", t.Echo.ToString());
        }

        [Test]
        public static void TabIsASpace()
        {
            Lines(new Typing().Type("exit\t3\n"), "exit 3");
        }

        [Test]
        public static void OverlongLinesStopGrowingAndRing()
        {
            var typing = new Typing();
            for (int i = 0; i < LineReader.MaxLength + 5; i++) typing.Type("x");
            Assert.Equal((long)LineReader.MaxLength, typing.Reader.Pending.Length);
            Assert.True(typing.Echo.ToString().EndsWith("\a\a\a\a\a"), "a bell per byte too many");
            typing.Type("\x7F" + "y\n");
            Assert.Equal((long)LineReader.MaxLength, typing.Lines[0].Length);
            Assert.True(typing.Lines[0].EndsWith("xy"), "still editable at the limit");
        }
    }
}
