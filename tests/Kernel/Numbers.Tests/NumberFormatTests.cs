using System;
using System.Text;
using Nacre.Testing;

namespace Numbers.Tests
{
    /// <summary>
    /// Formatting, parsing and composite formatting against .NET: Cases/*.cs run here and on
    /// .NET (tests/MathReference wrote ExpectedResults.cs from the .NET run); every result must match.
    /// </summary>
    public static class NumberFormatTests
    {
        private static void Compare(string what, CaseLog log, string[] names, string[] expected)
        {
            Assert.Equal(expected.Length, log.Results.Count, string.Concat(what, ": case count differs from the .NET run"));
            int failures = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                if (log.Names[i] != names[i])
                {
                    Assert.True(false, string.Concat(what, ": case ", i.ToString(), " is ", log.Names[i], " here but ", names[i], " on .NET"));
                }
                if (log.Results[i] == expected[i]) continue;
                if (failures++ < 40) Console.WriteLine(string.Concat("  ", names[i], ": got [", log.Results[i], "], .NET [", expected[i], "]"));
            }
            Console.WriteLine(string.Concat("  ", what, ": ", expected.Length.ToString(), " cases, ", (expected.Length - failures).ToString(), " identical to .NET"));
            Assert.True(failures == 0, string.Concat(what, ": ", failures.ToString(), " results differ from .NET's"));
        }

        [Test]
        public static void FormatsAsDotNet()
        {
            var log = new CaseLog();
            FormatCases.Run(log);
            Compare("formatting", log, ExpectedResults.FormatNames, ExpectedResults.FormatResults);
        }

        [Test]
        public static void ParsesAsDotNet()
        {
            var log = new CaseLog();
            ParseCases.Run(log);
            Compare("parsing", log, ExpectedResults.ParseNames, ExpectedResults.ParseResults);
        }

        [Test]
        public static void ExamplesFromTheIssue()
        {
            Assert.True((1.0 / 3).ToString() == "0.3333333333333333");
            Assert.True((0.1 + 0.2).ToString() == "0.30000000000000004");
            Assert.True($"{1.0 / 3}" == "0.3333333333333333");
            Assert.True(string.Format("{0,10:F2}|", Math.PI) == "      3.14|");
            Assert.True(1e23.ToString("F0") == "99999999999999991611392", "F prints exact digits");
            Assert.True(double.Parse("0.1") == 0.1 && float.Parse("0.1") == 0.1f);
        }

        [Test]
        public static void BadInputThrows()
        {
            Assert.Throws<FormatException>(() => int.Parse("12a"));
            Assert.Throws<FormatException>(() => int.Parse(""));
            Assert.Throws<OverflowException>(() => int.Parse("2147483648"));
            Assert.Throws<OverflowException>(() => byte.Parse("-1"));
            Assert.Throws<OverflowException>(() => long.Parse("ffffffffffffffffff", System.Globalization.NumberStyles.HexNumber));
            Assert.Throws<FormatException>(() => double.Parse("1e"));
            Assert.Throws<ArgumentNullException>(() => double.Parse(null));
            Assert.Throws<FormatException>(() => 1.5.ToString("X"));
            Assert.Throws<FormatException>(() => string.Format("{1}", 1));
            Assert.Throws<FormatException>(() => string.Format("{0", 1));
            Assert.Throws<FormatException>(() => string.Format("}", 1));
            Assert.Throws<FormatException>(() => new StringBuilder().AppendFormat("{0:N2", 1));
        }

        [Test]
        public static void ConsoleWritesCompositeFormats()
        {
            // The console has no reader here: check the calls bind and run; their text is string.Format's.
            Console.WriteLine("  composite: {0,-6}|{1,6:F1}|{2:X4}", "left", 2.25, 255);
            Console.Write("  composite: {0} {1} {2} {3}\n", 1, 2, 3, 4);
            Console.WriteLine(1.5f);
        }
    }
}
