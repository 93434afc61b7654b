using System.Threading;
using Nacre.Arch.X64;

namespace Nacre.Diagnostics
{
    /// <summary>
    /// A place to come back to when work run under it fails beyond what exceptions can handle (a
    /// failed assertion, a CPU fault taken over through the PanicHook): Run runs the work, and
    /// Abandon, called anywhere inside it on the same thread, long-jumps back so that Run returns.
    /// The abandoned frames are not unwound (their finally blocks do not run); with no GC nothing
    /// is lost but those frames, and the dispatcher keeps no state outside them. The test runner
    /// runs each test under one. Work on other CPUs is abandoned to their idle loops instead
    /// (Cpus.AbandonToIdle).
    /// </summary>
    public unsafe struct RecoveryPoint
    {
        private JumpBuffer _resume;
        private int _armed;

        /// <summary>True while work runs under the point (between Run's start and its return or an Abandon).</summary>
        public bool IsArmed => Volatile.Read(ref _armed) != 0;

        /// <summary>
        /// Runs work with the point armed. Returns 0 when work returned, or the value given to
        /// Abandon; an exception escaping work disarms the point and goes on to Run's caller.
        /// </summary>
        public static int Run(RecoveryPoint* point, delegate*<void> work)
        {
            // The second return from SetJump comes after a long jump: only its value and the
            // arguments (unchanged since the first return) are read.
            int resumed = JumpBuffer.SetJump(&point->_resume);
            if (resumed != 0) return resumed;
            point->_armed = 1;
            try
            {
                work();
            }
            finally
            {
                point->_armed = 0;
            }
            return 0;
        }

        /// <summary>Disarms the point and resumes its Run, which returns value (not 0). Never returns.</summary>
        public static void Abandon(RecoveryPoint* point, int value)
        {
            point->_armed = 0;
            JumpBuffer.LongJump(&point->_resume, value);
        }
    }
}
