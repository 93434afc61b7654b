using System.Threading;
using Nacre.Arch.X64;
using Nacre.Irq;

namespace Nacre.Cpus
{
    public static unsafe partial class Cpus
    {
        private struct Acknowledged { public fixed long Generations[Max]; }
        private static Acknowledged s_synchronized;
        private static long s_syncGeneration;
        private static Nacre.Sync.Mutex s_syncLock;

        /// <summary>
        /// Returns once every other CPU that is up has taken an interrupt since the call began — a
        /// serialising event on each, so that every store another CPU made before it is visible
        /// here and every store made here is visible there (what Linux's membarrier and the .NET
        /// runtime's FlushProcessWriteBuffers promise). Waits with interrupts enabled, so CPUs
        /// synchronising with each other at once both get through; callers are serialised.
        /// </summary>
        public static void SynchronizeAll() => Synchronize(onlyBusy: false);

        /// <summary>
        /// <see cref="SynchronizeAll"/> for CPUs that are running a thread: a CPU in its idle
        /// thread is not interrupted (what Linux's MEMBARRIER_CMD_PRIVATE_EXPEDITED does for CPUs
        /// not running the process). That is safe on x86: the idle CPU's earlier stores were made
        /// before it switched to idle, which this call's reading of its current thread orders after
        /// (stores become visible in order), and any thread it switches to later starts after a
        /// locked run-queue operation, after this call's own stores are visible. Interrupting an
        /// idle CPU is what costs: in the HVM's deprivileged mode each interrupt is a trip through
        /// the ring-0 gate (tens of thousands of cycles), and the .NET GC calls membarrier at every
        /// collection.
        /// </summary>
        public static void SynchronizeBusy() => Synchronize(onlyBusy: true);

        private static void Synchronize(bool onlyBusy)
        {
            Interlocked.MemoryBarrier();
            if (Count < 2 || !Interrupts.Ready) return;
            s_syncLock.Acquire();
            long generation = Interlocked.Increment(ref s_syncGeneration);
            int self = Current->Index;
            bool* waitFor = stackalloc bool[Count];
            for (int i = 0; i < Count; i++)
                waitFor[i] = i != self && Get(i) != null && (!onlyBusy || !Threads.ThreadScheduler.IsIdle(i));
            if (!onlyBusy) Ipi.SendAllButSelf(Vectors.Synchronize);   // one broadcast
            else
                for (int i = 0; i < Count; i++)
                    if (waitFor[i]) Ipi.Send(i, Vectors.Synchronize);
            fixed (Acknowledged* acknowledged = &s_synchronized)
                for (int i = 0; i < Count; i++)
                    while (waitFor[i] && Volatile.Read(ref acknowledged->Generations[i]) < generation) Cpu.Pause();
            s_syncLock.Release();
            Interlocked.MemoryBarrier();
        }

        /// <summary>The last synchronisation generation a CPU acknowledged (tests see which CPUs were interrupted).</summary>
        public static long SynchronizedGeneration(int cpu)
        {
            fixed (Acknowledged* acknowledged = &s_synchronized)
                return Volatile.Read(ref acknowledged->Generations[cpu]);
        }

        internal static void InitializeSynchronize() => Interrupts.Register(Vectors.Synchronize, &OnSynchronize);

        private static void OnSynchronize(TrapFrame* frame)
        {
            Interlocked.MemoryBarrier();
            fixed (Acknowledged* acknowledged = &s_synchronized)
                Volatile.Write(ref acknowledged->Generations[Current->Index], Volatile.Read(ref s_syncGeneration));
        }
    }
}
