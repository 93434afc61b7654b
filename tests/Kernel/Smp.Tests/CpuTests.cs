using Nacre.Acpi;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Testing;

namespace Smp.Tests
{
    public static unsafe class CpuTests
    {
        private struct Seen { public int Index; public uint ApicId; public int SelfMatches; public int Runs; }

        private static Seen* s_seen;

        [Test]
        public static void BootCpuIsZero()
        {
            Assert.Equal(0, Cpus.Current->Index);
            Assert.True(Cpus.Current == Cpus.Get(0), "GS points at CPU 0's state");
        }

        [Test]
        public static void CpuCountMatchesTheMachine()
        {
            int qemu = QemuFwCfg.CpuCount;
            System.Console.WriteLine($"CPUs: {Cpus.Count} up, {Cpus.Described} described (MADT or HVM boot info), {qemu} per QEMU (-smp)");
            if (qemu != 0) Assert.Equal(qemu, Cpus.Count, "CPUs up vs -smp");
            Assert.Equal(Cpus.Described, Cpus.Count, "CPUs up vs described");
        }

        private static void RecordSelf(void* argument)
        {
            Seen* s = s_seen + (long)argument;
            PerCpu* me = Cpus.Current;
            s->Index = me->Index;
            s->ApicId = me->ApicId;
            s->SelfMatches = me == Cpus.Get(me->Index) && me->Self == me ? 1 : 0;
            s->Runs++;
        }

        [Test]
        public static void EveryCpuRunsWorkAndSeesItself()
        {
            Seen* seen = stackalloc Seen[Cpus.Count];
            s_seen = seen;
            for (int i = 0; i < Cpus.Count; i++) Cpus.RunOn(i, &RecordSelf, (void*)i);
            for (int i = 0; i < Cpus.Count; i++)
            {
                Assert.Equal(1, seen[i].Runs, $"runs on CPU {i}");
                Assert.Equal(i, seen[i].Index, "Cpus.Current->Index");
                Assert.Equal(1, seen[i].SelfMatches, "Cpus.Current is Cpus.Get(Index)");
                Assert.Equal((long)Cpus.Get(i)->ApicId, (long)seen[i].ApicId);
                for (int j = 0; j < i; j++) Assert.True(seen[j].ApicId != seen[i].ApicId, "APIC ids differ");
            }
        }

        private static int* s_counts;

        private static void CountHere(void* argument) => s_counts[Cpus.Current->Index] += (int)(long)argument;

        [Test]
        public static void RunOnAllRunsOnceOnEveryCpu()
        {
            int* counts = stackalloc int[Cpus.Count];
            s_counts = counts;
            for (int round = 0; round < 20; round++) Cpus.RunOnAll(&CountHere, (void*)1);
            for (int i = 0; i < Cpus.Count; i++) Assert.Equal(20, counts[i], $"CPU {i}");
        }

        [Test]
        public static void StartAndWaitOverlapWork()
        {
            int* counts = stackalloc int[Cpus.Count];
            s_counts = counts;
            long* tickets = stackalloc long[Cpus.Count];
            for (int round = 0; round < 10; round++)
            {
                for (int i = 0; i < Cpus.Count; i++) tickets[i] = Cpus.Start(i, &CountHere, (void*)2);
                for (int i = 0; i < Cpus.Count; i++) Cpus.Wait(i, tickets[i]);
            }
            for (int i = 0; i < Cpus.Count; i++) Assert.Equal(20, counts[i], $"CPU {i}");
        }
    }
}
