using System;
using System.Threading;

namespace Nacre.Timing
{
    /// <summary>
    /// A software timer owned by one CPU: its callback runs there, in interrupt context (IF=0, on
    /// whatever stack was interrupted), so it must be short and must not wait for other CPUs.
    /// One-shot (Arm) or periodic (ArmPeriodic); Arm/ArmPeriodic/Cancel work from any CPU and
    /// from callbacks (a callback may re-arm or cancel its own timer). Timers are objects the
    /// caller keeps and reuses: with no GC, create them once, not per wait.
    /// </summary>
    public sealed unsafe class Timer
    {
        internal Timer Next;            // in the owner's queue, sorted by Deadline
        internal ulong Deadline;        // TSC value
        internal ulong Period;          // TSC cycles; 0 = one-shot
        internal bool Queued;

        private readonly delegate*<void*, void> _function;
        private readonly void* _state;
        private readonly Action _action;
        private readonly int _cpu;
        private long _fired;

        /// <summary>A timer that calls function(state) on CPU cpu (-1: the calling CPU).</summary>
        public Timer(delegate*<void*, void> function, void* state, int cpu = -1)
        {
            _function = function;
            _state = state;
            _cpu = cpu < 0 ? Nacre.Cpus.Cpus.Current->Index : cpu;
        }

        /// <summary>A timer that calls action on CPU cpu (-1: the calling CPU).</summary>
        public Timer(Action action, int cpu = -1)
        {
            _action = action;
            _cpu = cpu < 0 ? Nacre.Cpus.Cpus.Current->Index : cpu;
        }

        /// <summary>The CPU whose queue holds this timer and runs its callback.</summary>
        public int Cpu => _cpu;

        /// <summary>True while the timer is waiting to fire (a one-shot timer stops being armed as it fires).</summary>
        public bool IsArmed => Volatile.Read(ref Queued);

        /// <summary>How many times the callback has been started.</summary>
        public long FireCount => Volatile.Read(ref _fired);

        /// <summary>Fires once, delayNs from now (re-arms if already armed).</summary>
        public void Arm(ulong delayNs) => TimerQueue.Of(_cpu).Arm(this, Time.Cycles + Time.NsToCycles(delayNs), 0);

        /// <summary>Fires every periodNs, the first time periodNs from now, until cancelled. Missed periods are skipped, not queued.</summary>
        public void ArmPeriodic(ulong periodNs)
        {
            ulong period = Time.NsToCycles(periodNs);
            if (period == 0) period = 1;
            TimerQueue.Of(_cpu).Arm(this, Time.Cycles + period, period);
        }

        /// <summary>Stops the timer; true if it was armed. A callback already running on the owner CPU completes.</summary>
        public bool Cancel() => TimerQueue.Of(_cpu).Cancel(this);

        internal void Fire()
        {
            Interlocked.Increment(ref _fired);
            Tracing.Trace.Record(Tracing.TraceKind.TimerFire, (uint)(ulong)_function, 0);
            if (_action != null) _action();
            else _function(_state);
        }
    }
}
