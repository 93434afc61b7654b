using System;
using Nacre.Arch.X64;

namespace Nacre.Testing
{
    /// <summary>
    /// A minimal try/catch for tests, until the kernel unwinds exceptions: runs an action and
    /// returns the exception it threw (or null). Nested traps are allowed.
    /// </summary>
    public static unsafe class ExceptionTrap
    {
        private const int MaxDepth = 8;

        private struct Frames { public fixed byte Bytes[MaxDepth * 64]; }

        private static Frames s_frames;
        private static int s_depth;
        private static object s_caught;

        public static object Run(Action action)
        {
            if (s_depth == MaxDepth) TestRunner.Fail("ExceptionTrap nested too deeply");
            fixed (Frames* f = &s_frames)
            {
                JumpBuffer* frame = (JumpBuffer*)f + s_depth;
                s_depth++;
                s_caught = null;
                if (JumpBuffer.SetJump(frame) == 0) action();
                s_depth--;
            }
            object caught = s_caught;
            s_caught = null;
            return caught;
        }

        /// <summary>If a trap is active, records the exception and resumes it (does not return).</summary>
        internal static bool Catch(object exception)
        {
            if (s_depth == 0) return false;
            s_caught = exception;
            fixed (Frames* f = &s_frames) JumpBuffer.LongJump((JumpBuffer*)f + (s_depth - 1), 1);
            return true;
        }
    }
}
