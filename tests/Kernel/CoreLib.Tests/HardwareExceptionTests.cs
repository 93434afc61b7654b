using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>CPU faults in managed code caught as .NET's exceptions, with finally blocks and the frame's state intact.</summary>
    public static class HardwareExceptionTests
    {
        private sealed class Node { public Node Next; public int Value; }

        private static Node NoNode() => null;
        private static int Zero() => 0;
        private static int MinusOne() => -1;

        [Test]
        public static void NullDereferenceIsCaughtAsNullReferenceException()
        {
            Node n = NoNode();
            int result = 0, finallies = 0;
            try
            {
                try { result = n.Value; }
                finally { finallies++; }
            }
            catch (NullReferenceException) { result = -1; }
            Assert.Equal(-1, result);
            Assert.Equal(1, finallies);
        }

        [Test]
        public static void NullDereferenceInACalleeIsCaughtByTheCaller()
        {
            int caught = 0;
            for (int i = 0; i < 100; i++)
            {
                try { Follow(NoNode()); }
                catch (NullReferenceException) { caught++; }
            }
            Assert.Equal(100, caught);
        }

        private static int Follow(Node n) => n.Next.Value;

        [Test]
        public static void DivisionByZeroIsCaught()
        {
            int zero = Zero();
            long lzero = Zero();
            Assert.Throws<DivideByZeroException>(() => { int x = 7 / zero; });
            Assert.Throws<DivideByZeroException>(() => { int x = 7 % zero; });
            Assert.Throws<DivideByZeroException>(() => { long x = 7L / lzero; });
            Assert.Throws<DivideByZeroException>(() => { uint x = 7u / (uint)zero; });
            string got = null;
            try { got = (100 / zero).ToString(); }
            catch (DivideByZeroException e) { got = e.Message; }
            Assert.Equal("Attempted to divide by zero.", got);
        }

        [Test]
        public static void MinValueDividedByMinusOneIsOverflow()
        {
            int m = MinusOne();
            long lm = m;
            Assert.Throws<OverflowException>(() => { int x = int.MinValue / m; });
            Assert.Throws<OverflowException>(() => { long x = long.MinValue / lm; });
            Assert.Throws<OverflowException>(() => { int x = int.MinValue % m; });
        }

        [Test]
        public static void BoundsCastAndCheckedArithmeticAreCatchable()
        {
            int[] a = new int[3];
            int i = 3 + Zero();
            Assert.Throws<IndexOutOfRangeException>(() => a[i] = 1);
            object s = "text";
            Assert.Throws<InvalidCastException>(() => { var n = (Node)s; });
            int big = int.MaxValue - Zero();
            Assert.Throws<OverflowException>(() => { int x = checked(big + 1); });
        }

        [Test]
        public static void ExecutionContinuesCorrectlyAfterAFault()
        {
            long sum = 0;
            int zero = Zero();
            for (int i = 0; i < 50; i++)
            {
                try { sum += 1000 / (i % 5 == 0 ? zero : i); }
                catch (DivideByZeroException) { sum += 1; }
            }
            long expected = 0;
            for (int i = 0; i < 50; i++) expected += i % 5 == 0 ? 1 : 1000 / i;
            Assert.Equal(expected, sum);
        }
    }
}
