using System;
using System.Collections.Generic;
using System.Text;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>finally on every way out of a try, in order; using and foreach disposal when an exception passes.</summary>
    public static class FinallyTests
    {
        private static void Throw(Exception e) => throw e;

        [Test]
        public static void FinallyRunsOnNormalExit()
        {
            int ran = 0;
            try { ran += 1; }
            finally { ran += 10; }
            Assert.Equal(11, ran);
        }

        [Test]
        public static void FinallyRunsOnReturn()
        {
            var log = new StringBuilder();
            Assert.Equal(7, ReturnThroughFinally(log));
            Assert.Equal("try;finally;", log.ToString());
        }

        private static int ReturnThroughFinally(StringBuilder log)
        {
            try { log.Append("try;"); return 7; }
            finally { log.Append("finally;"); }
        }

        [Test]
        public static void FinallyRunsOnBreakAndContinue()
        {
            int finallies = 0, bodies = 0;
            for (int i = 0; i < 10; i++)
            {
                try
                {
                    if (i == 2) continue;
                    if (i == 5) break;
                    bodies++;
                }
                finally { finallies++; }
            }
            Assert.Equal(4, bodies);
            Assert.Equal(6, finallies);
        }

        [Test]
        public static void FinallyRunsWhenAnExceptionPassesInOrder()
        {
            var log = new StringBuilder();
            try { Level1(log); }
            catch (InvalidOperationException e) { log.Append("catch ").Append(e.Message); }
            Assert.Equal("f3;f2b;f2a;f1;catch deep", log.ToString());
        }

        private static void Level1(StringBuilder log)
        {
            try { Level2(log); }
            finally { log.Append("f1;"); }
        }

        private static void Level2(StringBuilder log)
        {
            try
            {
                try { Level3(log); }
                finally { log.Append("f2b;"); }
            }
            finally { log.Append("f2a;"); }
        }

        private static void Level3(StringBuilder log)
        {
            try { Throw(new InvalidOperationException("deep")); }
            finally { log.Append("f3;"); }
        }

        [Test]
        public static void FinallyInTheCatchingFrameRunsBeforeTheCatch()
        {
            var log = new StringBuilder();
            try
            {
                try { Throw(new FormatException()); }
                finally { log.Append("finally;"); }
            }
            catch (FormatException) { log.Append("catch;"); }
            finally { log.Append("outer finally;"); }
            Assert.Equal("finally;catch;outer finally;", log.ToString());
        }

        [Test]
        public static void ExceptionInFinallyReplacesTheFirst()
        {
            string got = null;
            int after = 0;
            try
            {
                try { Throw(new ArgumentException("first")); }
                finally { Throw(new FormatException("second")); }
            }
            catch (ArgumentException) { got = "first (wrong)"; }
            catch (FormatException e) { got = e.Message; }
            finally { after++; }
            Assert.Equal("second", got);
            Assert.Equal(1, after);
        }

        [Test]
        public static void CatchInsideFinallyDuringUnwind()
        {
            var log = new StringBuilder();
            try
            {
                try { Throw(new ArgumentException("outer")); }
                finally
                {
                    try { Throw(new FormatException("inner")); }
                    catch (FormatException e) { log.Append(e.Message).Append(';'); }
                }
            }
            catch (ArgumentException e) { log.Append(e.Message); }
            Assert.Equal("inner;outer", log.ToString());
        }

        private sealed class Resource : IDisposable
        {
            public static int Disposed;
            public void Dispose() => Disposed++;
        }

        [Test]
        public static void UsingDisposesOnException()
        {
            Resource.Disposed = 0;
            try
            {
                using (var r1 = new Resource())
                using (var r2 = new Resource())
                    Throw(new InvalidOperationException());
            }
            catch (InvalidOperationException) { }
            Assert.Equal(2, Resource.Disposed);
            try
            {
                using var r3 = new Resource();
                Throw(new InvalidOperationException());
            }
            catch (InvalidOperationException) { }
            Assert.Equal(3, Resource.Disposed);
        }

        private struct Counting : IEnumerable<int>
        {
            public static int Disposed;
            public Enumerator GetEnumerator() => new Enumerator();
            IEnumerator<int> IEnumerable<int>.GetEnumerator() => GetEnumerator();
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

            public sealed class Enumerator : IEnumerator<int>
            {
                private int _i;
                public int Current => _i;
                object System.Collections.IEnumerator.Current => _i;
                public bool MoveNext() => ++_i < 100;
                public void Reset() => _i = 0;
                public void Dispose() => Disposed++;
            }
        }

        [Test]
        public static void ForeachDisposesItsEnumeratorOnException()
        {
            Counting.Disposed = 0;
            int seen = 0;
            try
            {
                foreach (int i in new Counting())
                {
                    seen++;
                    if (i == 5) Throw(new FormatException());
                }
            }
            catch (FormatException) { }
            Assert.Equal(5, seen);
            Assert.Equal(1, Counting.Disposed);
        }

        [Test]
        public static void FinallyRunsAcrossTenFrames()
        {
            s_finallies = 0;
            try { Frames(10); }
            catch (OverflowException) { }
            Assert.Equal(10, s_finallies);
        }

        private static int s_finallies;

        private static void Frames(int n)
        {
            if (n == 0) Throw(new OverflowException());
            try { Frames(n - 1); }
            finally { s_finallies++; }
        }
    }
}
