using System;
using Nacre.Cpus;
using Nacre.Testing;
using Nacre.Threads;

namespace CoreLib.Tests
{
    /// <summary>Threads on different CPUs throwing and catching at the same time: dispatch keeps no shared state.</summary>
    public static unsafe class ConcurrentThrowTests
    {
        private const int Rounds = 3000;

        private sealed class RoundException : Exception
        {
            public readonly long Round;
            public RoundException(long round) { Round = round; }
        }

        private static long Worker(long seed)
        {
            long sum = 0, finallies = 0;
            for (long i = 0; i < Rounds; i++)
            {
                try
                {
                    try { Nest(3, seed + i); }
                    finally { finallies++; }
                }
                catch (RoundException e) when (e.Round == seed + i) { sum += e.Round; }
                // Every fifth round a CPU fault instead of a throw.
                if (i % 5 == 0)
                {
                    try { sum += 1 / s_zero; }
                    catch (DivideByZeroException) { sum++; }
                }
            }
            return finallies == Rounds ? sum : -1;
        }

        private static void Nest(int depth, long round)
        {
            if (depth == 0) throw new RoundException(round);
            try { Nest(depth - 1, round); }
            finally { s_unused++; }
        }

        [ThreadStatic] private static int s_unused;
        private static int s_zero;

        private static long Expected(long seed)
        {
            long sum = 0;
            for (long i = 0; i < Rounds; i++)
            {
                sum += seed + i;
                if (i % 5 == 0) sum++;
            }
            return sum;
        }

        [Test]
        public static void TwoCpusThrowAndCatchAtOnce()
        {
            int other = Cpus.Count > 1 ? 1 : 0;
            Thread* a = Thread.Launch(() => Worker(1_000_000), cpu: 0);
            Thread* b = Thread.Launch(() => Worker(2_000_000), cpu: other);
            long mine = Worker(3_000_000);
            Assert.Equal(Expected(1_000_000), Thread.Join(a), "thread on CPU 0");
            Assert.Equal(Expected(2_000_000), Thread.Join(b), string.Concat("thread on CPU ", other.ToString()));
            Assert.Equal(Expected(3_000_000), mine, "the test's own thread");
        }
    }
}
