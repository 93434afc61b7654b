using Nacre.Arch.X64;
using Nacre.Diagnostics;
using Nacre.Irq;
using Nacre.Sync;

namespace Nacre.Timing
{
    /// <summary>
    /// One CPU's armed timers, sorted by deadline, and its local APIC timer programmed for the
    /// earliest. The timer interrupt (Vectors.Timer) runs every expired timer, then re-programs.
    /// Other CPUs may arm timers here: they take the lock, and if the new timer became the first
    /// they send Vectors.Timer as an IPI so that this CPU re-programs its own APIC timer.
    /// </summary>
    internal sealed unsafe class TimerQueue
    {
        private static readonly TimerQueue[] s_queues = new TimerQueue[Nacre.Cpus.Cpus.Max];

        private SpinLock _lock;
        private Timer _head;
        private readonly int _cpu;

        private TimerQueue(int cpu) => _cpu = cpu;

        public static TimerQueue Of(int cpu)
        {
            TimerQueue q = (uint)cpu < (uint)s_queues.Length ? s_queues[cpu] : null;
            if (q == null) Panic.Message("timer on a CPU that is not up");
            return q;
        }

        /// <summary>Boot CPU, once: registers the timer vector and measures the APIC timer.</summary>
        public static void Initialize()
        {
            Interrupts.Register(Vectors.Timer, &OnInterrupt);
            LapicTimer.Calibrate(Vectors.Timer);
        }

        /// <summary>Every CPU (boot CPU included) as it comes up, after its local APIC.</summary>
        public static void InitializeThisCpu()
        {
            int cpu = Nacre.Cpus.Cpus.Current->Index;
            LapicTimer.InitializeThisCpu(Vectors.Timer);
            s_queues[cpu] = new TimerQueue(cpu);
        }

        public void Arm(Timer timer, ulong deadline, ulong period)
        {
            ulong flags = _lock.AcquireIrqSave();
            if (timer.Queued) Remove(timer);
            timer.Deadline = deadline;
            timer.Period = period;
            Insert(timer);
            bool first = _head == timer;
            bool local = _cpu == Nacre.Cpus.Cpus.Current->Index;
            if (first && local) LapicTimer.Arm(deadline);
            _lock.ReleaseIrqRestore(flags);
            if (first && !local) Ipi.Send(_cpu, Vectors.Timer);
        }

        public bool Cancel(Timer timer)
        {
            // The APIC timer stays programmed: an early interrupt finds nothing due and re-programs.
            ulong flags = _lock.AcquireIrqSave();
            bool was = timer.Queued;
            if (was) Remove(timer);
            _lock.ReleaseIrqRestore(flags);
            return was;
        }

        /// <summary>cpu's earliest armed deadline (TSC), 0 if none (or no queue yet): how long an idle CPU may park.</summary>
        public static ulong NextDeadline(int cpu)
        {
            TimerQueue q = (uint)cpu < (uint)s_queues.Length ? s_queues[cpu] : null;
            if (q == null) return 0;
            ulong flags = q._lock.AcquireIrqSave();
            ulong deadline = q._head == null ? 0 : q._head.Deadline;
            q._lock.ReleaseIrqRestore(flags);
            return deadline;
        }

        private static void OnInterrupt(TrapFrame* frame) => s_queues[Nacre.Cpus.Cpus.Current->Index].RunExpired();

        /// <summary>
        /// Fires due timers one at a time, earliest first, with the lock released around each
        /// callback (which may arm or cancel timers, or never return if a test fails in it).
        /// </summary>
        private void RunExpired()
        {
            while (true)
            {
                ulong flags = _lock.AcquireIrqSave();
                Timer t = _head;
                ulong now = Time.Cycles;
                if (t == null || t.Deadline > now)
                {
                    if (t == null) LapicTimer.Disarm();
                    else LapicTimer.Arm(t.Deadline);
                    _lock.ReleaseIrqRestore(flags);
                    return;
                }
                Remove(t);
                if (t.Period != 0)
                {
                    t.Deadline += t.Period;
                    if (t.Deadline <= now) t.Deadline = now + t.Period; // fell behind: skip, do not storm
                    Insert(t);
                }
                _lock.ReleaseIrqRestore(flags);
                t.Fire();
            }
        }

        private void Insert(Timer timer)
        {
            timer.Queued = true;
            if (_head == null || timer.Deadline < _head.Deadline)
            {
                timer.Next = _head;
                _head = timer;
                return;
            }
            Timer p = _head;
            while (p.Next != null && p.Next.Deadline <= timer.Deadline) p = p.Next;
            timer.Next = p.Next;
            p.Next = timer;
        }

        private void Remove(Timer timer)
        {
            timer.Queued = false;
            if (_head == timer) { _head = timer.Next; timer.Next = null; return; }
            for (Timer p = _head; p != null; p = p.Next)
                if (p.Next == timer) { p.Next = timer.Next; timer.Next = null; return; }
        }
    }
}
