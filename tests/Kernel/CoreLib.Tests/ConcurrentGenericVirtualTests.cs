using System.Threading;
using Nacre.Cpus;
using Nacre.Testing;
using Thread = Nacre.Threads.Thread;

namespace CoreLib.Tests
{
    /// <summary>
    /// Generic virtual method calls on two CPUs at once, each (type, method instantiation) pair
    /// seen for the first time by both together, so the lookups race to resolve and to publish
    /// into the shared cache (value-type instantiations with exact code, reference-type ones with
    /// shared code and a dictionary).
    /// </summary>
    public static unsafe class ConcurrentGenericVirtualTests
    {
        private const int Rounds = 200;

        private interface IProbe { int Probe<T>(T value, int k); }
        private class Base : IProbe
        {
            public virtual int Probe<T>(T value, int k) => 1000 + k + (value is string ? 7 : 0);
        }
        private sealed class Left : Base
        {
            public override int Probe<T>(T value, int k) => 2000 + k + (value is string ? 7 : 0);
        }
        private sealed class Right : Base
        {
            public override int Probe<T>(T value, int k) => 3000 + k + (value is string ? 7 : 0);
        }
        private struct Boxed : IProbe
        {
            public int Probe<T>(T value, int k) => 4000 + k + (value is string ? 7 : 0);
        }

        private static int s_arrived;

        private static long Worker(IProbe[] probes)
        {
            // Start together: every pair is new to both CPUs at the same moment.
            Interlocked.Increment(ref s_arrived);
            while (Volatile.Read(ref s_arrived) < 3) Thread.Yield();
            long sum = 0;
            for (int k = 0; k < Rounds; k++)
                foreach (IProbe p in probes)
                {
                    sum += p.Probe(1, k) + p.Probe(2L, k) + p.Probe((short)3, k) + p.Probe('c', k);
                    sum += p.Probe("s", k) + p.Probe<object>(4, k);
                    if (p is Base b) sum += b.Probe(5.0, k) + b.Probe(new object(), k);
                }
            return sum;
        }

        private static long Expected()
        {
            long sum = 0;
            int[] bases = { 1000, 2000, 3000, 4000 };
            for (int k = 0; k < Rounds; k++)
                foreach (int b in bases)
                {
                    sum += 4 * (b + k) + (b + k + 7) + (b + k);
                    if (b != 4000) sum += 2 * (b + k);
                }
            return sum;
        }

        [Test]
        public static void TwoCpusResolveAndCallAtOnce()
        {
            s_arrived = 0;
            IProbe[] probes = { new Base(), new Left(), new Right(), new Boxed() };
            int other = Cpus.Count > 1 ? 1 : 0;
            Thread* a = Thread.Launch(() => Worker(probes), cpu: 0);
            Thread* b = Thread.Launch(() => Worker(probes), cpu: other);
            long mine = Worker(probes);
            long expected = Expected();
            Assert.Equal(expected, Thread.Join(a), "thread on CPU 0");
            Assert.Equal(expected, Thread.Join(b), string.Concat("thread on CPU ", other.ToString()));
            Assert.Equal(expected, mine, "the test's own thread");
        }
    }
}
