using Nacre.Cpus;
using Nacre.Sync;
using Nacre.Testing;

namespace Smp.Tests
{
    public static unsafe class SpinLockTests
    {
        private const int Increments = 20000;

        private static SpinLock s_lock;
        private static long s_counter;      // deliberately not atomic: only the lock protects it
        private static int s_irqSaveCount;

        private static void Hammer(void* argument)
        {
            for (int i = 0; i < Increments; i++)
            {
                s_lock.Acquire();
                long v = s_counter;
                s_counter = v + 1;
                s_lock.Release();
            }
            for (int i = 0; i < Increments / 10; i++)
            {
                ulong flags = s_lock.AcquireIrqSave();
                s_irqSaveCount++;
                s_lock.ReleaseIrqRestore(flags);
            }
        }

        [Test]
        public static void ContentionAcrossAllCpusLosesNoIncrement()
        {
            s_counter = 0;
            s_irqSaveCount = 0;
            Cpus.RunOnAll(&Hammer, null);
            Assert.Equal((long)Cpus.Count * Increments, s_counter);
            Assert.Equal((long)Cpus.Count * (Increments / 10), (long)s_irqSaveCount);
            Assert.False(s_lock.IsHeld);
        }
    }
}
