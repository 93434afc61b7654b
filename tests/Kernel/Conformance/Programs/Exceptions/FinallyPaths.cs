using System;

namespace Conformance.Exceptions
{
    /// <summary>finally runs on every exit: normal, return, break, continue, and exception.</summary>
    public static class FinallyPaths
    {
        private static string s_log = "";

        private static int Returns() { try { return 1; } finally { s_log += "r"; } }

        public static int Main()
        {
            try { s_log += "n"; } finally { s_log += "N"; }
            if (Returns() != 1) return 1;
            for (int i = 0; i < 3; i++)
            {
                try { if (i == 0) continue; if (i == 2) break; s_log += i; }
                finally { s_log += "f"; }
            }
            try { try { throw new Exception(); } finally { s_log += "x"; } }
            catch (Exception) { s_log += "c"; }
            if (s_log != "nNrf1ffxc") return 2;
            return 100;
        }
    }
}
