using System;
using System.Text;
using Internal.Runtime;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>when filters (run in the first pass, before any finally), throw; keeping the stack, static constructors that throw.</summary>
    public static class FilterAndRethrowTests
    {
        private sealed class CodedException : Exception
        {
            public readonly int Code;
            public CodedException(int code) : base(code.ToString()) { Code = code; }
        }

        private static void Throw(Exception e) => throw e;

        [Test]
        public static void FiltersChooseTheCatch()
        {
            Assert.Equal(2, Classify(2));
            Assert.Equal(3, Classify(3));
            Assert.Equal(-1, Classify(9));
        }

        private static int Classify(int code)
        {
            try { Throw(new CodedException(code)); return 0; }
            catch (CodedException e) when (e.Code == 2) { return 2; }
            catch (CodedException e) when (e.Code == 3) { return 3; }
            catch (Exception) { return -1; }
        }

        [Test]
        public static void FiltersRunBeforeInnerFinallies()
        {
            var log = new StringBuilder();
            try { Inner(log); }
            catch (Exception) when (Log(log, "filter;")) { log.Append("catch;"); }
            Assert.Equal("filter;finally;catch;", log.ToString());
        }

        private static void Inner(StringBuilder log)
        {
            try { Throw(new FormatException()); }
            finally { log.Append("finally;"); }
        }

        private static bool Log(StringBuilder log, string s) { log.Append(s); return true; }

        [Test]
        public static void AFilterThatThrowsDeclines()
        {
            string got = null;
            try
            {
                try { Throw(new ArgumentException("real")); }
                catch (ArgumentException) when (ThrowingFilter()) { got = "filtered (wrong)"; }
            }
            catch (ArgumentException e) { got = e.Message; }
            Assert.Equal("real", got);
        }

        private static bool ThrowingFilter() => throw new InvalidOperationException("in filter");

        [Test]
        public static void FilterSeesLocalsOfItsMethod()
        {
            int limit = 5, hits = 0;
            for (int i = 0; i < 10; i++)
            {
                try { Throw(new CodedException(i)); }
                catch (CodedException e) when (e.Code < limit) { hits++; }
                catch (CodedException) { }
            }
            Assert.Equal(5, hits);
        }

        [Test]
        public static void RethrowKeepsTheOriginalStack()
        {
            Exception original = null;
            try { Rethrower(); }
            catch (FormatException e) { original = e; }
            Assert.NotNull(original);
            // The throw site (Thrower) is still first, and the rethrow added the frames above the catch.
            int count = ExceptionStackTrace.Count(original);
            Assert.True(count >= 4, "frames recorded");
            Assert.Equal(s_firstThrowSite, ExceptionStackTrace.Address(original, 0));
            Assert.True(count > s_countAtCatch, "the rethrow appended frames");
        }

        private static ulong s_firstThrowSite;
        private static int s_countAtCatch;

        private static void Thrower() => throw new FormatException("original");

        private static void Rethrower()
        {
            try { Thrower(); }
            catch (FormatException e)
            {
                s_firstThrowSite = ExceptionStackTrace.Address(e, 0);
                s_countAtCatch = ExceptionStackTrace.Count(e);
                throw;
            }
        }

        [Test]
        public static void ThrowingTheObjectAgainStartsAFreshStack()
        {
            Exception first = null;
            try { Thrower(); }
            catch (FormatException e) { first = e; }
            ulong site = ExceptionStackTrace.Address(first, 0);
            try { Throw(first); }
            catch (FormatException e) { Assert.Same(first, e); }
            Assert.True(ExceptionStackTrace.Address(first, 0) != site, "throw e; records its own site");
        }

        [Test]
        public static void RethrowFromNestedCatchRethrowsTheInnerException()
        {
            string got = null;
            try
            {
                try { Throw(new ArgumentException("outer")); }
                catch (ArgumentException)
                {
                    try { Throw(new FormatException("inner")); }
                    catch (FormatException) { throw; }
                }
            }
            catch (Exception e) { got = e.Message; }
            Assert.Equal("inner", got);
        }

        [Test]
        public static void RethrowPassesThroughFinallies()
        {
            var log = new StringBuilder();
            try
            {
                try
                {
                    try { Throw(new FormatException("x")); }
                    catch (FormatException) { log.Append("catch;"); throw; }
                    finally { log.Append("finally;"); }
                }
                catch (FormatException) when (Log(log, "filter;")) { log.Append("outer;"); }
            }
            catch (Exception) { log.Append("wrong;"); }
            Assert.Equal("catch;filter;finally;outer;", log.ToString());
        }

        private static class Broken
        {
            public static int Value = Compute();
            private static int Compute() => throw new InvalidOperationException("cctor failed");
            public static int Get() => Value;
        }

        [Test]
        public static void StaticConstructorFailureIsATypeInitializationException()
        {
            TypeInitializationException first = null, second = null;
            try { Broken.Get(); }
            catch (TypeInitializationException e) { first = e; }
            Assert.NotNull(first);
            Assert.True(first.InnerException is InvalidOperationException, "inner exception");
            Assert.Equal("cctor failed", first.InnerException.Message);
            try { Broken.Get(); }
            catch (TypeInitializationException e) { second = e; }
            Assert.Same(first, second);
        }
    }
}
