using System;

namespace Conformance.Exceptions
{
    /// <summary>Nested try blocks, exceptions thrown from catch and finally, rethrow with throw; and wrapping.</summary>
    public static class Nested
    {
        private static void Inner() => throw new InvalidOperationException("inner");

        public static int Main()
        {
            string log = "";
            try
            {
                try { Inner(); }
                catch (InvalidOperationException) { log += "a"; throw; }
                finally { log += "b"; }
            }
            catch (InvalidOperationException e) { log += "c" + e.Message; }
            if (log != "abcinner") return 1;
            try
            {
                try { Inner(); }
                catch (Exception e) { throw new SystemException("outer", e); }
            }
            catch (SystemException e)
            {
                if (e.InnerException == null || e.InnerException.Message != "inner") return 2;
            }
            int depth = 0;
            try { try { try { throw new Exception("deep"); } finally { depth++; } } finally { depth++; } }
            catch (Exception e) when (e.Message == "deep") { depth++; }
            if (depth != 3) return 3;
            return 100;
        }
    }
}
