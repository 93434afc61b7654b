using System;
using System.Collections.Generic;
using Nacre.Diagnostics;

namespace Nacre.Testing
{
    /// <summary>Assertions for in-kernel tests. A failure ends the current test with a message.</summary>
    public static class Assert
    {
        /// <summary>Ends the test as skipped, with the reason (e.g. "no SRAT: boot with -numa").</summary>
        public static void Skip(string reason) => TestRunner.Skip(reason);

        public static void True(bool condition, string message = null)
        {
            if (!condition) TestRunner.Fail(message ?? "expected true");
        }

        public static void False(bool condition, string message = null)
        {
            if (condition) TestRunner.Fail(message ?? "expected false");
        }

        public static void Equal(long expected, long actual, string message = null)
        {
            if (expected != actual) TestRunner.Fail(Describe(message, expected.ToString(), actual.ToString()));
        }

        public static void Equal(ulong expected, ulong actual, string message = null)
        {
            if (expected != actual) TestRunner.Fail(Describe(message, expected.ToString(), actual.ToString()));
        }

        public static void Equal(double expected, double actual, double tolerance, string message = null)
        {
            double d = expected - actual;
            if (d < 0) d = -d;
            if (!(d <= tolerance)) TestRunner.Fail(Describe(message, expected.ToString(), actual.ToString()));
        }

        public static void Equal(string expected, string actual, string message = null)
        {
            if (expected != actual)
                TestRunner.Fail(Describe(message, Quote(expected), Quote(actual)));
        }

        public static void Equal<T>(T expected, T actual, string message = null)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
                TestRunner.Fail(Describe(message, expected?.ToString() ?? "null", actual?.ToString() ?? "null"));
        }

        public static void Same(object expected, object actual, string message = null)
        {
            if (expected != actual) TestRunner.Fail(message ?? "expected the same object");
        }

        public static void Null(object value, string message = null)
        {
            if (value != null) TestRunner.Fail(message ?? "expected null");
        }

        public static void NotNull(object value, string message = null)
        {
            if (value == null) TestRunner.Fail(message ?? "expected non-null");
        }

        /// <summary>Runs action and checks it throws exactly T (or a subclass); returns the exception.</summary>
        public static T Throws<T>(Action action) where T : Exception
        {
            try
            {
                action();
            }
            catch (T expected)
            {
                return expected;
            }
            catch (Exception other)
            {
                TestRunner.Fail(string.Concat("expected a different exception, got ", Symbols.TypeName(other) ?? "?"));
            }
            TestRunner.Fail("expected an exception, none was thrown");
            return null;
        }

        private static string Describe(string message, string expected, string actual)
        {
            string s = string.Concat("expected ", expected, ", got ", actual);
            return message == null ? s : string.Concat(message, ": ", s);
        }

        private static string Quote(string s) => s == null ? "null" : string.Concat("\"", s, "\"");
    }
}
