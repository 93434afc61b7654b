using System;

namespace Conformance.Delegates
{
    /// <summary>Multicast delegates: +=, -=, invocation order, last return value, null after removing all.</summary>
    public static class Multicast
    {
        private static string s_log = "";
        private static void A() => s_log += "a";
        private static void B() => s_log += "b";

        public static int Main()
        {
            Action act = A;
            act += B;
            act += A;
            act();
            if (s_log != "aba") return 1;
            act -= A;                                  // removes the last A
            s_log = "";
            act();
            if (s_log != "ab") return 2;
            Func<int> f = () => 1;
            f += () => 2;
            if (f() != 2) return 3;
            act -= A; act -= B;
            if (act != null) return 4;
            Action none = null;
            none?.Invoke();
            return 100;
        }
    }
}
