using System.Threading;
using Nacre.Arch.X64;
using Nacre.Diagnostics;
using Nacre.Irq;

namespace Nacre.Cpus
{
    /// <summary>
    /// Running a function on another CPU. Each CPU has a one-item mailbox in its PerCpu: a poster
    /// claims it, writes function and argument, marks it posted and kicks the CPU out of hlt; the
    /// CPU's idle loop (ThreadScheduler.RunIdle) runs it with interrupts on and bumps a completion
    /// ticket, then kicks the poster. Only an idle CPU takes work: posted to a CPU busy with
    /// threads, it runs once they all block or end; to the caller's own CPU it is a call.
    /// </summary>
    public static unsafe partial class Cpus
    {
        private const int Free = 0, Posting = 1, Posted = 2;

        /// <summary>Runs function(argument) on CPU cpu and waits until it has returned.</summary>
        public static void RunOn(int cpu, delegate*<void*, void> function, void* argument)
        {
            long ticket = Start(cpu, function, argument);
            Wait(cpu, ticket);
        }

        /// <summary>Runs function(argument) on every CPU (here too) and waits for all of them.</summary>
        public static void RunOnAll(delegate*<void*, void> function, void* argument)
        {
            int self = Current->Index, count = Count;
            long* tickets = stackalloc long[count];
            for (int i = 0; i < count; i++)
                if (i != self) tickets[i] = Start(i, function, argument);
            function(argument);
            for (int i = 0; i < count; i++)
                if (i != self) Wait(i, tickets[i]);
        }

        /// <summary>
        /// Posts function(argument) to CPU cpu and returns at once with a ticket for Wait; waits only
        /// while the CPU's mailbox still holds someone else's work. On the calling CPU it runs now.
        /// </summary>
        public static long Start(int cpu, delegate*<void*, void> function, void* argument)
        {
            if ((uint)cpu >= (uint)Count) Panic.Message("Cpus.Start: no such CPU");
            PerCpu* self = Current;
            PerCpu* target = Get(cpu);
            if (target == self)
            {
                function(argument);
                return 0;
            }
            while (Interlocked.CompareExchange(ref target->WorkState, Posting, Free) != Free) Cpu.Pause();
            long ticket = target->WorkPosted + 1;
            target->WorkPosted = ticket;
            target->WorkFunction = (ulong)function;
            target->WorkArgument = argument;
            target->WorkPoster = self->Index;
            Volatile.Write(ref target->WorkState, Posted);
            if (IdleParking.Enabled)
            {
                Interlocked.MemoryBarrier();    // only the idle loop takes work: wake it if parked, no interrupt
                IdleParking.WakeIfHalted(cpu);
            }
            else Ipi.Kick(cpu);
            return ticket;
        }

        /// <summary>Waits until the work with this ticket (from Start) has finished on CPU cpu.</summary>
        public static void Wait(int cpu, long ticket)
        {
            PerCpu* target = Get(cpu);
            while (true)
            {
                // Halt between checks when interrupts are on: the finishing CPU kicks us.
                bool canHalt = Cpu.InterruptsEnabled;
                if (canHalt) Cpu.DisableInterrupts();
                if (Volatile.Read(ref target->WorkCompleted) >= ticket)
                {
                    if (canHalt) Cpu.EnableInterrupts();
                    return;
                }
                if (canHalt) Cpu.EnableInterruptsAndHalt();
                else Cpu.Pause();
            }
        }

        /// <summary>
        /// Abandons whatever this CPU is doing (a test assertion failing on it). In the idle thread
        /// (posted work, a timer callback) it long-jumps back to the idle loop, a running work item
        /// counting as finished; in any other thread it ends that thread. Returns only on a CPU
        /// without an idle loop.
        /// </summary>
        internal static void AbandonToIdle()
        {
            PerCpu* self = Current;
            Threads.Thread* thread = (Threads.Thread*)self->CurrentThread;
            if (thread != null && !thread->IsIdle) Threads.Thread.Exit(long.MinValue);
            if (self->IdleJump != null) JumpBuffer.LongJump((JumpBuffer*)self->IdleJump, 1);
        }

        /// <summary>In the idle loop after a long jump back: interrupts on, abandoned work finished.</summary>
        internal static void FinishAbandonedWork(PerCpu* self)
        {
            if (Interrupts.Ready) Cpu.EnableInterrupts();
            if (self->Working != 0) Finish(self);
        }

        internal static bool HasPostedWork(PerCpu* self) => Volatile.Read(ref self->WorkState) == Posted;

        /// <summary>Runs the work posted to this CPU, if any (from its idle loop, interrupts on).</summary>
        internal static bool RunPostedWork(PerCpu* self)
        {
            if (Volatile.Read(ref self->WorkState) != Posted) return false;
            self->Working = 1;
            ((delegate*<void*, void>)self->WorkFunction)(self->WorkArgument);
            Finish(self);
            return true;
        }

        private static void Finish(PerCpu* self)
        {
            self->Working = 0;
            int poster = self->WorkPoster;
            long done = self->WorkPosted;
            Volatile.Write(ref self->WorkState, Free);
            Volatile.Write(ref self->WorkCompleted, done);
            Ipi.Kick(poster);
        }
    }
}
