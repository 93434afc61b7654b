using System;

namespace Conformance.Delegates
{
    /// <summary>An exception from a target in the middle of a multicast list propagates to the caller and skips the rest; handlers can be caught per target by walking the invocation list.</summary>
    public static class MulticastExceptions
    {
        private sealed class Boom : Exception { public Boom(string m) : base(m) { } }

        private static string s_log = "";

        public static int Main()
        {
            Action<int> chain = n => s_log += "1";
            chain += n => { s_log += "2"; if (n > 0) throw new Boom("two"); };
            chain += n => s_log += "3";

            try
            {
                chain(1);
                return 1;
            }
            catch (Boom e)
            {
                if (e.Message != "two") return 2;
            }
            if (s_log != "12") return 3;

            s_log = "";
            chain(0);
            if (s_log != "123") return 4;

            s_log = "";
            int failures = 0;
            foreach (Action<int> handler in chain.GetInvocationList())
            {
                try { handler(1); }
                catch (Boom) { failures++; }
            }
            if (failures != 1 || s_log != "123") return 5;

            int finallyRan = 0;
            try
            {
                try { chain(1); }
                finally { finallyRan++; }
            }
            catch (Boom) { finallyRan += 10; }
            if (finallyRan != 11) return 6;
            return 100;
        }
    }
}
