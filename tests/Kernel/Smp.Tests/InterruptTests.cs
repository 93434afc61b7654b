using System;
using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Irq;
using Nacre.Testing;
using Nacre.Timing;

namespace Smp.Tests
{
    public static unsafe class InterruptTests
    {
        private static int s_vector;
        private static int s_lastVector;
        private static int* s_hits;       // per CPU
        private static int s_handled;

        private static void CountHit(TrapFrame* frame)
        {
            s_lastVector = (int)frame->Vector;
            Interlocked.Increment(ref s_hits[Cpus.Current->Index]);
            Interlocked.Increment(ref s_handled);
        }

        private static int Vector()
        {
            if (s_vector == 0)
            {
                s_vector = Interrupts.Allocate();
                Interrupts.Register(s_vector, &CountHit);
            }
            return s_vector;
        }

        [Test]
        public static void InterruptsAreOnAfterBoot() => Assert.True(Interrupts.Enabled, "IF=1 on the boot CPU");

        [Test]
        public static void AllocatedVectorsAreDistinctDeviceVectors()
        {
            int a = Interrupts.Allocate(), b = Interrupts.Allocate();
            Assert.True(a != b);
            Assert.True(a >= Vectors.FirstAllocatable && a <= Vectors.LastAllocatable, "a in range");
            Assert.True(b >= Vectors.FirstAllocatable && b <= Vectors.LastAllocatable, "b in range");
        }

        [Test]
        public static void RegisteredHandlerRunsForASelfIpi()
        {
            int* hits = stackalloc int[Cpus.Count];
            s_hits = hits;
            int v = Vector();
            long before = Interrupts.Count(v);
            Ipi.SendSelf(v);
            Assert.True(Until.True(() => Volatile.Read(ref hits[0]) == 1), "handled");
            Assert.Equal(v, s_lastVector, "the frame carries the vector");
            Assert.Equal(before + 1, Interrupts.Count(v));
            Assert.True(Interrupts.Enabled, "IF=1 again after the handler");
        }

        [Test]
        public static void IpiReachesEachCpu()
        {
            int n = Cpus.Count;
            int* hits = stackalloc int[n];
            s_hits = hits;
            int v = Vector();
            for (int i = 0; i < n; i++)
            {
                Ipi.Send(i, v);
                int k = i;
                Assert.True(Until.True(() => Volatile.Read(ref hits[k]) == 1), $"IPI to CPU {i}");
                for (int j = 0; j < n; j++) Assert.Equal(j <= i ? 1 : 0, Volatile.Read(ref hits[j]), $"CPU {j} after the IPI to {i}");
            }
        }

        [Test]
        public static void IpiToAllButSelfReachesEveryOtherCpu()
        {
            int n = Cpus.Count;
            int* hits = stackalloc int[n];
            s_hits = hits;
            int v = Vector();
            s_handled = 0;
            for (int round = 0; round < 10; round++)
            {
                Ipi.SendAllButSelf(v);
                int expect = (round + 1) * (n - 1);
                Assert.True(Until.True(() => Volatile.Read(ref s_handled) == expect), $"round {round}");
            }
            Time.Delay(5000000);
            Assert.Equal(0, hits[0], "not to the sender");
            for (int i = 1; i < n; i++) Assert.Equal(10, hits[i], $"CPU {i}");
        }

        [Test]
        public static void KickWakesAHaltedCpu()
        {
            long before = Interrupts.Count(Vectors.Kick);
            for (int i = 1; i < Cpus.Count; i++) Ipi.Kick(i);
            long expect = before + Cpus.Count - 1;
            Assert.True(Until.True(() => Interrupts.Count(Vectors.Kick) >= expect), "kicks delivered");
        }

        private static int s_throwVector;

        private static void Throw(TrapFrame* frame) => throw new InvalidOperationException("thrown in an interrupt handler");

        [Test]
        public static void LeavingAHandlerByLongJumpRestoresInterrupts()
        {
            if (s_throwVector == 0)
            {
                s_throwVector = Interrupts.Allocate();
                Interrupts.Register(s_throwVector, &Throw);
            }
            int v = s_throwVector;
            // The handler runs with IF=0 and never returns: the trap's long jump must bring IF=1 back.
            var e = Assert.Throws<InvalidOperationException>(() =>
            {
                Ipi.SendSelf(v);
                Time.Delay(100000000);
            });
            Assert.Equal("thrown in an interrupt handler", e.Message);
            Assert.True(Interrupts.Enabled, "IF=1 after the long jump");
            // And the APIC is not stuck with that vector in service: the next one arrives too.
            int* hits = stackalloc int[Cpus.Count];
            s_hits = hits;
            Ipi.SendSelf(Vector());
            Assert.True(Until.True(() => Volatile.Read(ref hits[0]) == 1), "later interrupts still arrive");
        }
    }
}
