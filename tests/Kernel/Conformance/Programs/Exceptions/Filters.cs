using System;

namespace Conformance.Exceptions
{
    /// <summary>when filters run before unwinding, can reject, and see the exception's data.</summary>
    public static class Filters
    {
        private sealed class Coded : Exception { public int Code; public Coded(int c) { Code = c; } }
        private static string s_log = "";
        private static bool Log(string s) { s_log += s; return false; }

        private static int Handle(int code)
        {
            try
            {
                try { throw new Coded(code); }
                finally { s_log += "f"; }
            }
            catch (Coded c) when (Log("1") || c.Code == 1) { return 1; }
            catch (Coded c) when (c.Code == 2) { return 2; }
            catch (Coded) { return 3; }
        }

        public static int Main()
        {
            if (Handle(1) != 1) return 1;
            if (s_log != "1f") return 2;          // the filter ran before the inner finally
            if (Handle(2) != 2 || Handle(7) != 3) return 3;
            return 100;
        }
    }
}
