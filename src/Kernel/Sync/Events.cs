using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Diagnostics;
using Nacre.Irq;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Sync
{
    /// <summary>
    /// Nemo-style events: an action registered once, then notified on one CPU or broadcast to all
    /// with the least latency the target allows. Notification sets the event's bit in the target's
    /// PerCpu.PendingEvents; a target idling with the Poll policy, or parked in the VMM (kicked),
    /// sees the bit in its idle loop (no interrupt at all); any other target gets an IPI and runs
    /// the action in the handler.
    /// Actions run in interrupt context or in the idle thread: short, and never blocking.
    /// </summary>
    public static unsafe class Events
    {
        public const int Max = 64;

        private struct Action { public delegate*<void*, void> Function; public void* State; }
        private struct Table { public fixed ulong Words[Max * 2]; }

        private static Table s_actions;
        private static int s_count;
        private static long s_ipisSent;

        /// <summary>IPIs sent so far (the polling path sends none): for tests and benchmarks.</summary>
        public static long IpisSent => Volatile.Read(ref s_ipisSent);

        internal static void Initialize() => Interrupts.Register(Vectors.Event, &OnEventInterrupt);

        /// <summary>Registers action(state) as a new event; returns its id (0..63).</summary>
        public static int Register(delegate*<void*, void> action, void* state)
        {
            int id = Interlocked.Increment(ref s_count) - 1;
            if (id >= Max) Panic.Message("Events: all 64 events are registered");
            fixed (Table* t = &s_actions)
            {
                ((Action*)t)[id].State = state;
                Volatile.Write(ref *(nint*)&((Action*)t)[id].Function, (nint)action);
            }
            return id;
        }

        /// <summary>Runs event id on CPU cpu (on this CPU: right now).</summary>
        public static void Notify(int cpu, int id)
        {
            PerCpu* target = Cpus.Cpus.Get(cpu);
            if (target == Cpus.Cpus.Current)
            {
                Run(id);
                return;
            }
            Interlocked.Or(ref target->PendingEvents, 1UL << id);
            Interlocked.MemoryBarrier(); // the bit before the idle check: a CPU going to halt rechecks it
            if (IdlesWithoutInterrupts(target)) IdleParking.WakeIfHalted(cpu);   // parked: a kick, no interrupt
            else
            {
                Interlocked.Increment(ref s_ipisSent);
                Ipi.Send(cpu, Vectors.Event);
            }
        }

        /// <summary>Runs event id on every other CPU (and, if includeSelf, here too).</summary>
        public static void Broadcast(int id, bool includeSelf = false)
        {
            int self = Cpus.Cpus.Current->Index;
            for (int cpu = 0; cpu < Cpus.Cpus.Count; cpu++)
                if (cpu != self) Notify(cpu, id);
            if (includeSelf) Run(id);
        }

        /// <summary>Runs this CPU's pending events (the idle loop calls it; threads may poll too).</summary>
        public static bool RunPending()
        {
            PerCpu* self = Cpus.Cpus.Current;
            if (Volatile.Read(ref *(long*)&self->PendingEvents) == 0) return false;
            ulong pending = (ulong)Interlocked.Exchange(ref *(long*)&self->PendingEvents, 0);
            while (pending != 0)
            {
                int id = System.Numerics.BitOperations.TrailingZeroCount(pending);
                pending &= pending - 1;
                Run(id);
            }
            return true;
        }

        /// <summary>An idle CPU that polls, or parks in the VMM: its idle loop finds the bit without an interrupt.</summary>
        private static bool IdlesWithoutInterrupts(PerCpu* cpu)
        {
            Thread* current = (Thread*)Volatile.Read(ref *(nint*)&cpu->CurrentThread);
            return current != null && current->IsIdle && (IdleParking.Enabled || ThreadScheduler.IdlePolicyOf(cpu->Index) == IdlePolicy.Poll);
        }

        private static void Run(int id)
        {
            Action a;
            fixed (Table* t = &s_actions) a = ((Action*)t)[id];
            if (a.Function != null) a.Function(a.State);
        }

        private static void OnEventInterrupt(TrapFrame* frame) => RunPending();
    }
}
