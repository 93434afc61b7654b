using System.Collections.Generic;

namespace Conformance.Iterators
{
    /// <summary>finally blocks in iterators run on completion and when foreach stops early (Dispose).</summary>
    public static class IteratorFinally
    {
        private static string s_log = "";

        private static IEnumerable<int> Guarded()
        {
            try
            {
                s_log += "[";
                yield return 1;
                yield return 2;
                yield return 3;
            }
            finally { s_log += "]"; }
        }

        public static int Main()
        {
            foreach (int x in Guarded()) s_log += x;
            if (s_log != "[123]") return 1;
            s_log = "";
            foreach (int x in Guarded()) { s_log += x; if (x == 2) break; }
            if (s_log != "[12]") return 2;
            s_log = "";
            using (var e = Guarded().GetEnumerator()) { e.MoveNext(); }
            if (s_log != "[]") return 3;
            return 100;
        }
    }
}
