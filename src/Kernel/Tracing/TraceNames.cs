using System.Runtime.CompilerServices;
using System.Threading;

namespace Nacre.Tracing
{
    /// <summary>
    /// Thread names as they were given (Thread.SetName), for the dump: a pooled control block
    /// loses its name when it is recycled, so the registry alone cannot name threads that have
    /// exited. Names are strings, never freed (no GC), so keeping their addresses is enough.
    /// The log is fixed-size; names past its end are dropped (the dump still has the registry's).
    /// </summary>
    public static unsafe class TraceNames
    {
        public const int Capacity = 1024;

        private struct Log { public fixed uint Ids[Capacity]; public fixed ulong Names[Capacity]; }
        private static Log s_log;
        private static int s_count;

        /// <summary>How many names were logged (may exceed Capacity: the rest were dropped).</summary>
        public static int Count => Volatile.Read(ref s_count);

        internal static void Add(int id, string name)
        {
            if (name == null) return;
            int i = Interlocked.Increment(ref s_count) - 1;
            if (i >= Capacity) return;
            object o = name;
            fixed (Log* log = &s_log)
            {
                log->Ids[i] = (uint)id;
                Volatile.Write(ref log->Names[i], (ulong)Unsafe.As<object, nint>(ref o));
            }
        }

        /// <summary>Entry i (i &lt; min(Count, Capacity)): a thread id and its name (null if still being written).</summary>
        public static string Get(int i, out uint id)
        {
            fixed (Log* log = &s_log)
            {
                id = log->Ids[i];
                nint p = (nint)Volatile.Read(ref log->Names[i]);
                return p == 0 ? null : Unsafe.As<nint, string>(ref p);
            }
        }
    }
}
