using Nacre.Testing;
using Nacre.Threads;

namespace Shell.Tests
{
    /// <summary>The registry behind the shell's `threads`: live threads are found, with their names.</summary>
    public static unsafe class ThreadRegistryTests
    {
        private static bool Registered(Thread* t)
        {
            for (int i = 0; i < ThreadRegistry.Count; i++)
                if (ThreadRegistry.Get(i) == t) return true;
            return false;
        }

        private static volatile int s_release;

        private static long WaitForRelease(void* unused)
        {
            while (s_release == 0) Thread.Yield();
            return 1;
        }

        [Test]
        public static void BootAndIdleThreadsAreRegistered()
        {
            Assert.True(Registered(Thread.Current), "the main thread");
            Assert.Equal("main", Thread.NameOf(Thread.Current));
            for (int cpu = 0; cpu < Nacre.Cpus.Cpus.Count; cpu++)
            {
                int idle = 0;
                for (int i = 0; i < ThreadRegistry.Count; i++)
                {
                    Thread* t = ThreadRegistry.Get(i);
                    if (t->IsIdle && t->Cpu == cpu && ThreadRegistry.IsLive(t)) idle++;
                }
                Assert.Equal(1L, idle, "one idle thread per CPU");
            }
        }

        [Test]
        public static void AStartedThreadIsLiveWithItsNameUntilJoined()
        {
            s_release = 0;
            Thread* t = Thread.Create(&WaitForRelease, null);
            Thread.SetName(t, "worker");
            Assert.True(Registered(t));
            Assert.True(ThreadRegistry.IsLive(t), "created counts as live");
            Thread.Start(t);
            Assert.True(ThreadRegistry.IsLive(t), "started");
            Assert.Equal("worker", Thread.NameOf(t));
            s_release = 1;
            Assert.Equal(1L, Thread.Join(t));
            Assert.False(ThreadRegistry.IsLive(t), "joined: back in the pool");
            Assert.Null(Thread.NameOf(t), "a recycled block loses its name");
            Thread.SetName(Thread.Current, "main");
        }
    }
}
