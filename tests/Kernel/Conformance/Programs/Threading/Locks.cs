using System.Threading;

namespace Conformance.Threading
{
    /// <summary>lock and Monitor on one thread: re-entry, IsEntered, TryEnter, release by the owner only.</summary>
    public static class Locks
    {
        private static readonly object s_gate = new object();
        private static int s_value;

        private static void Nested(int depth) { lock (s_gate) { s_value++; if (depth > 0) Nested(depth - 1); } }

        public static int Main()
        {
            lock (s_gate) { s_value = 1; if (!Monitor.IsEntered(s_gate)) return 1; }
            if (Monitor.IsEntered(s_gate)) return 2;
            Nested(3);
            if (s_value != 5) return 3;
            if (!Monitor.TryEnter(s_gate)) return 4;
            bool taken = false;
            Monitor.Enter(s_gate, ref taken);
            if (!taken) return 5;
            Monitor.Exit(s_gate);
            Monitor.Exit(s_gate);
            if (Monitor.IsEntered(s_gate)) return 6;
            var other = new object();
            lock (other) lock (s_gate) s_value = 0;
            if (s_value != 0) return 7;
            return 100;
        }
    }
}
