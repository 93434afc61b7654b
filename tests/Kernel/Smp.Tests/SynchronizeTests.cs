using System.Threading;
using Nacre.Cpus;
using Nacre.Testing;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

namespace Smp.Tests
{
    /// <summary>
    /// Cpus.SynchronizeAll interrupts every other CPU; Cpus.SynchronizeBusy (membarrier for the
    /// .NET world) only those running a thread, so an idle CPU is left alone.
    /// </summary>
    public static unsafe class SynchronizeTests
    {
        private static int s_spin;
        private static int s_spinning;

        [Test]
        public static void SynchronizeAllInterruptsAnIdleCpu()
        {
            if (Cpus.Count < 2) return;
            int other = Cpus.Count - 1;
            Assert.True(Until.True(() => ThreadScheduler.IsIdle(other)), "the other CPU goes idle");
            long before = Cpus.SynchronizedGeneration(other);
            Cpus.SynchronizeAll();
            Assert.True(Cpus.SynchronizedGeneration(other) > before, "the idle CPU acknowledged");
        }

        [Test]
        public static void SynchronizeBusySkipsIdleCpusAndInterruptsBusyOnes()
        {
            if (Cpus.Count < 2) return;
            int other = Cpus.Count - 1;
            Assert.False(ThreadScheduler.IsIdle(Cpus.Current->Index), "this CPU runs the test thread, not its idle thread");
            Assert.True(Until.True(() => ThreadScheduler.IsIdle(other)), "the other CPU goes idle");
            long before = Cpus.SynchronizedGeneration(other);
            Cpus.SynchronizeBusy();
            Assert.Equal(before, Cpus.SynchronizedGeneration(other), "an idle CPU is not interrupted");

            Volatile.Write(ref s_spin, 1);
            Thread* spinner = Thread.Launch(() =>
            {
                Volatile.Write(ref s_spinning, 1);
                while (Volatile.Read(ref s_spin) != 0) { }
            }, cpu: other);
            Assert.True(Until.True(() => Volatile.Read(ref s_spinning) == 1), "the spinner runs");
            Assert.False(ThreadScheduler.IsIdle(other), "a CPU running a thread is busy");
            Cpus.SynchronizeBusy();
            Assert.True(Cpus.SynchronizedGeneration(other) > before, "the busy CPU acknowledged");
            Volatile.Write(ref s_spin, 0);
            Thread.Join(spinner);
        }
    }
}
