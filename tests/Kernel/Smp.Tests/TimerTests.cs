using System.Threading;
using Nacre.Cpus;
using Nacre.Testing;
using Nacre.Timing;

namespace Smp.Tests
{
    public static unsafe class TimerTests
    {
        private const ulong Ms = 1000000;

        private static ulong s_firedAtNs;
        private static int s_firedOnCpu;

        private static void RecordFiring(void* state)
        {
            s_firedAtNs = Time.NowNs;
            s_firedOnCpu = Cpus.Current->Index;
            Interlocked.Increment(ref *(int*)state);
        }

        [Test]
        public static void OneShotFiresOnceAndNotEarly()
        {
            int count = 0;
            var timer = new Timer(&RecordFiring, &count);
            ulong armed = Time.NowNs;
            timer.Arm(5 * Ms);
            Assert.True(timer.IsArmed);
            Assert.True(Until.True(() => timer.FireCount == 1), "fired");
            Assert.True(s_firedAtNs >= armed + 5 * Ms, "not before its deadline");
            Time.Delay(30 * Ms);
            Assert.Equal(1, Volatile.Read(ref count), "fired exactly once");
            Assert.False(timer.IsArmed);
            Assert.Equal(0, s_firedOnCpu, "ran on its owner");
        }

        [Test]
        public static void PeriodicFiresRepeatedlyUntilCancelled()
        {
            int count = 0;
            var timer = new Timer(&RecordFiring, &count);
            timer.ArmPeriodic(2 * Ms);
            Assert.True(Until.True(() => timer.FireCount >= 5), "fired five times");
            Assert.True(timer.IsArmed, "still armed between firings");
            Assert.True(timer.Cancel(), "was armed");
            long after = timer.FireCount;
            Time.Delay(30 * Ms);
            Assert.Equal(after, timer.FireCount, "no firing after Cancel");
            Assert.False(timer.Cancel(), "no longer armed");
        }

        [Test]
        public static void CancelledBeforeItsTimeNeverFires()
        {
            int count = 0;
            var timer = new Timer(&RecordFiring, &count);
            timer.Arm(20 * Ms);
            Assert.True(timer.Cancel());
            Time.Delay(50 * Ms);
            Assert.Equal(0L, timer.FireCount);
        }

        private static int s_order;

        [Test]
        public static void TimersFireInDeadlineOrder()
        {
            s_order = 0;
            int a = 0, b = 0, c = 0;
            var late = new Timer(() => a = Interlocked.Increment(ref s_order));
            var early = new Timer(() => b = Interlocked.Increment(ref s_order));
            var middle = new Timer(() => c = Interlocked.Increment(ref s_order));
            late.Arm(30 * Ms);
            early.Arm(10 * Ms);
            middle.Arm(20 * Ms);
            Assert.True(Until.True(() => Volatile.Read(ref s_order) == 3), "all fired");
            Assert.Equal(1, b, "early first");
            Assert.Equal(2, c, "middle second");
            Assert.Equal(3, a, "late last");
        }

        [Test]
        public static void RearmingMovesTheDeadline()
        {
            int count = 0;
            var timer = new Timer(&RecordFiring, &count);
            timer.Arm(1000 * Ms);
            timer.Arm(2 * Ms);
            Assert.True(Until.True(() => timer.FireCount == 1, 500 * Ms), "fired at the new deadline");
        }

        private struct PerCpuFiring { public int Count; public int RanOn; }

        private static void RecordOwner(void* state)
        {
            PerCpuFiring* f = (PerCpuFiring*)state;
            f->RanOn = Cpus.Current->Index;
            Interlocked.Increment(ref f->Count);
        }

        [Test]
        public static void TimersOnEveryCpuRunThere()
        {
            int n = Cpus.Count;
            PerCpuFiring* firings = stackalloc PerCpuFiring[n];
            var timers = new Timer[n];
            for (int i = 0; i < n; i++)
            {
                firings[i].RanOn = -1;
                timers[i] = new Timer(&RecordOwner, firings + i, i);
                timers[i].Arm((ulong)(i + 1) * Ms); // armed from CPU 0: remote queues get an IPI
            }
            for (int i = 0; i < n; i++)
            {
                int k = i;
                Assert.True(Until.True(() => Volatile.Read(ref firings[k].Count) == 1), $"timer of CPU {i} fired");
                Assert.Equal(i, firings[i].RanOn, "ran on its owner");
            }
        }

        private static Timer[] s_periodic;

        private static void ArmHere(void* argument) => s_periodic[Cpus.Current->Index].ArmPeriodic(1 * Ms);

        [Test]
        public static void PeriodicTimersOnAllCpusAtOnce()
        {
            int n = Cpus.Count;
            PerCpuFiring* firings = stackalloc PerCpuFiring[n];
            s_periodic = new Timer[n];
            for (int i = 0; i < n; i++) s_periodic[i] = new Timer(&RecordOwner, firings + i, i);
            Cpus.RunOnAll(&ArmHere, null); // each armed by its owner
            for (int i = 0; i < n; i++)
            {
                int k = i;
                Assert.True(Until.True(() => Volatile.Read(ref firings[k].Count) >= 10), $"CPU {i} ticked");
            }
            for (int i = 0; i < n; i++)
            {
                Assert.True(s_periodic[i].Cancel(), "armed until cancelled");
                Assert.Equal(i, firings[i].RanOn);
            }
            Time.Delay(10 * Ms); // a callback already running elsewhere finishes before firings goes away
        }
    }
}
