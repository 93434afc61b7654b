using System;
using Nacre.Cpus;
using Nacre.Memory;
using Nacre.Testing;

namespace Memory.Tests
{
    /// <summary>
    /// TLB shootdown: a mapping changed on one CPU is seen changed by the others. (QEMU's TCG keeps
    /// a software TLB per vCPU that, like hardware, keeps a stale translation until that vCPU
    /// invalidates it: without the shootdown these tests read the old frame instead of faulting.)
    /// </summary>
    public static unsafe class TlbShootdownTests
    {
        // Virtual pages above the identity map: only these tests map them (one per CPU).
        private static ulong TestPage(int i) => Paging.IdentityLimit + Paging.HugePageSize + (ulong)i * Paging.PageSize;

        private static ulong s_sink;

        private static void Read(void* result) => *(ulong*)result = *(ulong*)TestPage(0);

        private static ulong ReadOn(int cpu)
        {
            ulong value = 0;
            Cpus.RunOn(cpu, &Read, &value);
            return value;
        }

        // 0: no exception, 1: AccessViolationException, 2: something else.
        private static int Outcome(Action access)
        {
            try
            {
                access();
                return 0;
            }
            catch (AccessViolationException)
            {
                return 1;
            }
            catch
            {
                return 2;
            }
        }

        private static void TryRead(void* result) => *(int*)result = Outcome(() => s_sink = *(ulong*)TestPage(0));

        private static int OutcomeOn(int cpu, delegate*<void*, void> access)
        {
            int outcome = -1;
            Cpus.RunOn(cpu, access, &outcome);
            return outcome;
        }

        private static ulong NewFrame(ulong content)
        {
            ulong frame = PageAllocator.Allocate(0);
            Assert.True(frame != 0, "a frame");
            *(ulong*)frame = content;
            return frame;
        }

        [Test]
        public static void EveryCpuSeesARemappedPage()
        {
            ulong a = NewFrame(0xAAAA), b = NewFrame(0xBBBB);
            Paging.Map(TestPage(0), a);
            for (int cpu = 0; cpu < Cpus.Count; cpu++) Assert.Equal(0xAAAAUL, ReadOn(cpu), "the first frame (now in every TLB)");
            long before = TlbShootdown.Count;
            Paging.Map(TestPage(0), b);
            Assert.Equal(before + (Cpus.Count > 1 ? 1 : 0), TlbShootdown.Count, "one shootdown when other CPUs are up");
            for (int cpu = 0; cpu < Cpus.Count; cpu++) Assert.Equal(0xBBBBUL, ReadOn(cpu), $"CPU {cpu} reads the new frame");
            Paging.Unmap(TestPage(0));
            PageAllocator.Free(a, 0);
            PageAllocator.Free(b, 0);
        }

        [Test]
        public static void AnUnmappedPageFaultsOnEveryCpu()
        {
            ulong a = NewFrame(0x1234);
            Paging.Map(TestPage(0), a);
            for (int cpu = 0; cpu < Cpus.Count; cpu++) Assert.Equal(0x1234UL, ReadOn(cpu), "mapped and cached");
            Paging.Unmap(TestPage(0));
            for (int cpu = 0; cpu < Cpus.Count; cpu++) Assert.Equal(1, OutcomeOn(cpu, &TryRead), $"CPU {cpu} faults");
            PageAllocator.Free(a, 0);
        }

        private static void TryExecute(void* result) => *(int*)result = Outcome(() => ((delegate*<void>)TestPage(0))());

        // Ring 0 ignores the writable bit while CR0.WP is clear; no-execute always applies.
        [Test]
        public static void ProtectTakesEffectOnEveryCpu()
        {
            ulong a = NewFrame(0xC3);                                   // ret
            Paging.Map(TestPage(0), a, executable: true);
            for (int cpu = 0; cpu < Cpus.Count; cpu++) Assert.Equal(0, OutcomeOn(cpu, &TryExecute), "executable (and cached so)");
            Assert.True(Paging.Protect(TestPage(0), writable: false, executable: false), "the page is mapped");
            Assert.False(Paging.IsWritable(TestPage(0)), "read-only");
            Assert.False(Paging.IsExecutable(TestPage(0)), "no-execute");
            for (int cpu = 0; cpu < Cpus.Count; cpu++)
            {
                Assert.Equal(1, OutcomeOn(cpu, &TryExecute), $"CPU {cpu} cannot execute it any more");
                Assert.Equal(0, OutcomeOn(cpu, &TryRead), $"CPU {cpu} still reads it");
            }
            Assert.True(Paging.Protect(TestPage(0), writable: true, executable: true));
            Assert.True(Paging.IsWritable(TestPage(0)), "writable again");
            Assert.Equal(0, OutcomeOn(Cpus.Count - 1, &TryExecute), "executable again");
            Paging.Unmap(TestPage(0));
            Assert.False(Paging.Protect(TestPage(0), writable: true, executable: false), "nothing to protect");
            Assert.False(Paging.IsMapped(TestPage(0)), "Protect does not map");
            PageAllocator.Free(a, 0);
        }

        private static ulong s_guard;

        private static void TouchGuard(void* result) => *(int*)result = Outcome(() => s_sink = *(ulong*)s_guard);

        [Test]
        public static void StackGuardPagesAreShotDown()
        {
            const nuint size = 16 * 1024;
            // Every CPU reads a stack's guard page while it is ordinary memory; the buddy hands
            // the same block back for the next stack (if it did not, only the count is checked).
            ulong top = Stacks.Allocate(size);
            s_guard = Stacks.GuardPage(top, size);
            Stacks.Free(top, size);
            for (int cpu = 0; cpu < Cpus.Count; cpu++) Assert.Equal(0, OutcomeOn(cpu, &TouchGuard), "mapped while free");
            long before = TlbShootdown.Count;
            ulong again = Stacks.Allocate(size);
            Assert.Equal(before + (Cpus.Count > 1 ? 1 : 0), TlbShootdown.Count, "the guard's unmapping was shot down");
            if (again == top)
                for (int cpu = 0; cpu < Cpus.Count; cpu++) Assert.Equal(1, OutcomeOn(cpu, &TouchGuard), $"CPU {cpu} faults on the guard");
            Stacks.Free(again, size);
        }

        // Each shootdown waits for every other vCPU to run: under TCG on a busy host that is
        // milliseconds, so the rounds are few. Concurrency, not volume, is the point.
        private const int Rounds = 20;

        private static void MapAndUnmapOwnPage(void* frame)
        {
            ulong page = TestPage(1 + Cpus.Current->Index);
            for (int i = 0; i < Rounds; i++)
            {
                Paging.Map(page, (ulong)frame);
                s_sink = *(ulong*)page;
                Paging.Unmap(page);
            }
        }

        [Test]
        public static void CpusShootingAtEachOtherDoNotDeadlock()
        {
            if (Cpus.Count < 2) Assert.Skip("one CPU: nobody to shoot at");
            ulong frame = NewFrame(1);
            long before = TlbShootdown.Count;
            long* tickets = stackalloc long[Cpus.Count];
            int self = Cpus.Current->Index;
            for (int cpu = 0; cpu < Cpus.Count; cpu++)
                if (cpu != self) tickets[cpu] = Cpus.Start(cpu, &MapAndUnmapOwnPage, (void*)frame);
            MapAndUnmapOwnPage((void*)frame);
            for (int cpu = 0; cpu < Cpus.Count; cpu++)
                if (cpu != self) Cpus.Wait(cpu, tickets[cpu]);
            Assert.Equal(before + Rounds * Cpus.Count, TlbShootdown.Count, "every unmapping shot down");
            PageAllocator.Free(frame, 0);
        }
    }
}
