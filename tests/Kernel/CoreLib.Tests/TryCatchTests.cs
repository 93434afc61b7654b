using System;
using System.Text;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>catch by type and base type, nested try blocks, throwing from handlers, registers and locals after a catch.</summary>
    public static class TryCatchTests
    {
        private class AppException : Exception { public AppException(string m) : base(m) { } }
        private sealed class LeafException : AppException { public LeafException(string m) : base(m) { } }

        private static int s_zero;

        private static void Throw(Exception e) => throw e;

        [Test]
        public static void CatchesExactTypeAndBaseTypes()
        {
            string got = null;
            try { Throw(new LeafException("leaf")); }
            catch (LeafException e) { got = e.Message; }
            Assert.Equal("leaf", got);

            try { Throw(new LeafException("as base")); }
            catch (AppException e) { got = string.Concat("app:", e.Message); }
            Assert.Equal("app:as base", got);

            try { Throw(new InvalidOperationException("as root")); }
            catch (Exception e) { got = string.Concat("root:", e.Message); }
            Assert.Equal("root:as root", got);

            try { Throw(new FormatException()); }
            catch { got = "untyped"; }
            Assert.Equal("untyped", got);
        }

        [Test]
        public static void FirstMatchingCatchWins()
        {
            int which = 0;
            try { Throw(new LeafException("x")); }
            catch (ArgumentException) { which = 1; }
            catch (AppException) { which = 2; }
            catch (Exception) { which = 3; }
            Assert.Equal(2, which);
        }

        [Test]
        public static void UnmatchedCatchPassesToOuterFrames()
        {
            Assert.Equal("outer caught FormatException", Outer());
        }

        private static string Outer()
        {
            try { Middle(); return "nothing"; }
            catch (FormatException) { return "outer caught FormatException"; }
        }

        private static void Middle()
        {
            try { Throw(new FormatException()); }
            catch (ArgumentException) { Assert.True(false, "wrong catch ran"); }
        }

        [Test]
        public static void NestedTryBlocksInOneMethod()
        {
            var log = new StringBuilder();
            try
            {
                try
                {
                    try { Throw(new ArgumentException("a")); }
                    catch (FormatException) { log.Append("wrong;"); }
                    log.Append("not here;");
                }
                catch (ArgumentException e) { log.Append("inner:").Append(e.Message).Append(';'); Throw(new InvalidOperationException("b")); }
            }
            catch (InvalidOperationException e) { log.Append("outer:").Append(e.Message).Append(';'); }
            Assert.Equal("inner:a;outer:b;", log.ToString());
        }

        [Test]
        public static void ThrowFromCatchIsNotCaughtBySiblingCatch()
        {
            string got = null;
            try
            {
                try { Throw(new ArgumentException("first")); }
                catch (ArgumentException) { Throw(new FormatException("second")); }
                catch (FormatException) { got = "sibling (wrong)"; }
            }
            catch (FormatException e) { got = string.Concat("outer ", e.Message); }
            Assert.Equal("outer second", got);
        }

        [Test]
        public static void TryCatchInsideCatch()
        {
            var log = new StringBuilder();
            try { Throw(new ArgumentException("one")); }
            catch (ArgumentException a)
            {
                try { Throw(new FormatException("two")); }
                catch (FormatException f) { log.Append(f.Message); }
                log.Append('+').Append(a.Message);
            }
            Assert.Equal("two+one", log.ToString());
        }

        [Test]
        public static void LocalsAndRegistersSurviveACatch()
        {
            long a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
            for (int i = 0; i < 10; i++)
            {
                a += i; b *= 2; c ^= i; d += a; e -= 1; f += b;
                try
                {
                    if ((i & 1) == 0) Throw(new Exception());
                    a += 100;
                }
                catch (Exception) { b += 1; }
            }
            Assert.Equal(546L, a);
            Assert.Equal(2730L, b);
            Assert.Equal(2L, c);
            Assert.Equal(2179L, d);
            Assert.Equal(-5L, e);
            Assert.Equal(5452L, f);
        }

        [Test]
        public static void CatchesAcrossManyFrames()
        {
            int caught = 0;
            for (int depth = 0; depth < 40; depth += 7)
            {
                try { Deep(depth, depth); }
                catch (AppException e) { Assert.Equal(depth.ToString(), e.Message); caught++; }
            }
            Assert.Equal(6, caught);
        }

        private static int Deep(int n, int total) => n == 0 ? throw new LeafException(total.ToString()) : Deep(n - 1, total) + 1;

        [Test]
        public static void ThrowsThroughDelegatesVirtualAndInterfaceCalls()
        {
            Action a = () => Throw(new ArgumentException("delegate"));
            Assert.Equal("delegate", Assert.Throws<ArgumentException>(a).Message);
            Shape s = new Square();
            Assert.Equal("virtual", Assert.Throws<NotSupportedException>(() => s.Area()).Message);
            IShape i = new Square();
            Assert.Equal("interface", Assert.Throws<NotImplementedException>(() => i.Name()).Message);
        }

        private abstract class Shape { public abstract int Area(); }
        private interface IShape { string Name(); }
        private sealed class Square : Shape, IShape
        {
            public override int Area() => throw new NotSupportedException("virtual");
            public string Name() => throw new NotImplementedException("interface");
        }

        [Test]
        public static void ExceptionsFromConstructors()
        {
            string got = null;
            try { new Fragile(-1); }
            catch (ArgumentOutOfRangeException e) { got = e.Message; }
            Assert.True(got != null && got.Contains("size"), "constructor exception");
            Assert.Equal(3, new Fragile(3).Size);
        }

        private sealed class Fragile
        {
            public readonly int Size;
            public Fragile(int size)
            {
                if (size < 0) throw new ArgumentOutOfRangeException("size");
                Size = size;
            }
        }

        [Test]
        public static void ThrowingNullThrowsNullReferenceThatCanBeCaught()
        {
            Exception none = null;
            bool caught = false;
            try { throw none; }
            catch (NullReferenceException) { caught = true; }
            Assert.True(caught);
        }

        [Test]
        public static void CatchThenThrowAgainManyTimes()
        {
            // Each throw/catch leaves nothing behind: the dispatcher keeps no state between throws.
            var e = new AppException("reused");
            int count = 0;
            for (int i = 0; i < 2000; i++)
            {
                try { Throw(e); }
                catch (AppException) { count++; }
            }
            Assert.Equal(2000, count);
            Assert.Equal(1, s_zero + 1);
        }
    }
}
