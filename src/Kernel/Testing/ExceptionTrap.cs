using System;
using Nacre.Arch.X64;

namespace Nacre.Testing
{
    /// <summary>
    /// A minimal try/catch for tests, until the kernel unwinds exceptions: runs an action and
    /// returns the exception it threw (or null). Nested traps are allowed, on one CPU at a time:
    /// exceptions on other CPUs are not caught by it.
    /// </summary>
    public static unsafe class ExceptionTrap
    {
        private const int MaxDepth = 8;

        private struct Frames { public fixed byte Bytes[MaxDepth * JumpBuffer.Size]; }

        private static Frames s_frames;
        private static int s_depth;
        private static object s_caught;
        private static int s_cpu; // the CPU whose frames the traps belong to

        public static object Run(Action action)
        {
            if (s_depth == MaxDepth) TestRunner.Fail("ExceptionTrap nested too deeply");
            fixed (Frames* f = &s_frames)
            {
                JumpBuffer* frame = (JumpBuffer*)f + s_depth;
                if (s_depth == 0) s_cpu = CurrentCpu;
                s_depth++;
                s_caught = null;
                if (JumpBuffer.SetJump(frame) == 0) action();
                s_depth--;
            }
            object caught = s_caught;
            s_caught = null;
            return caught;
        }

        private static int CurrentCpu => Nacre.Cpus.Cpus.Count == 0 ? 0 : Nacre.Cpus.Cpus.Current->Index;

        /// <summary>True when a trap is active on this CPU (Catch would take an exception).</summary>
        internal static bool IsActiveHere => s_depth != 0 && CurrentCpu == s_cpu;

        /// <summary>If a trap is active, records the exception and resumes it (does not return).</summary>
        internal static bool Catch(object exception)
        {
            if (!IsActiveHere) return false;
            s_caught = exception;
            fixed (Frames* f = &s_frames) JumpBuffer.LongJump((JumpBuffer*)f + (s_depth - 1), 1);
            return true;
        }
    }
}
