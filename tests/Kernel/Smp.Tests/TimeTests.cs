using Nacre.Cpus;
using Nacre.Testing;
using Nacre.Timing;

namespace Smp.Tests
{
    public static unsafe class TimeTests
    {
        [Test]
        public static void FrequencyIsPlausible()
        {
            System.Console.WriteLine($"TSC {Time.FrequencyHz} Hz from {Time.FrequencySource}");
            Assert.True(Time.FrequencyHz > 100000000UL, "TSC above 100 MHz");
            Assert.True(Time.FrequencyHz < 20000000000UL, "TSC below 20 GHz");
        }

        private static int s_backwards;

        private static void CheckMonotonic(void* argument)
        {
            ulong last = Time.Cycles;
            for (int i = 0; i < 10000; i++)
            {
                ulong now = Time.Cycles;
                if (now < last) System.Threading.Interlocked.Increment(ref s_backwards);
                last = now;
            }
        }

        [Test]
        public static void TscIsMonotonicOnEveryCpu()
        {
            s_backwards = 0;
            Cpus.RunOnAll(&CheckMonotonic, null);
            Assert.Equal(0, s_backwards);
        }

        [Test]
        public static void NowAdvancesFromBoot()
        {
            ulong a = Time.NowNs;
            ulong b = Time.NowNs;
            Assert.True(a > 1000000, "more than 1 ms since boot");
            Assert.True(b >= a);
            Assert.True(a < 3600UL * 1000000000UL, "less than an hour since boot");
        }

        [Test]
        public static void ConversionsRoundTrip()
        {
            Assert.Equal(1000000000.0, (double)Time.CyclesToNs(Time.FrequencyHz), 1000.0, "one second of cycles");
            Assert.Equal((double)Time.FrequencyHz, (double)Time.NsToCycles(1000000000), Time.FrequencyHz / 1000000.0, "cycles in one second");
            ulong hour = 3600UL * 1000000000UL;
            Assert.Equal((double)hour, (double)Time.CyclesToNs(Time.NsToCycles(hour)), hour / 1000000.0, "an hour round trip");
            Assert.Equal(0UL, Time.NsToCycles(0));
        }

        [Test]
        public static void DelayWaitsAtLeastItsTime()
        {
            ulong[] delays = { 1000, 50000, 1000000, 20000000 };
            for (int i = 0; i < delays.Length; i++)
            {
                ulong start = Time.NowNs;
                Time.Delay(delays[i]);
                ulong elapsed = Time.NowNs - start;
                Assert.True(elapsed >= delays[i], $"Delay({delays[i]}) took {elapsed} ns");
            }
        }
    }
}
