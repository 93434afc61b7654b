using System.Runtime;

namespace Nacre.Threads
{
    /// <summary>The core library's view of "which thread am I" (Environment.CurrentManagedThreadId).</summary>
    internal static unsafe class ThreadIdentity
    {
        // Before the scheduler runs, boot code counts as thread 1, as .NET's main thread.
        [RuntimeExport("nacre_thread_id")]
        private static int CurrentId()
        {
            Thread* self = Cpus.Cpus.Count == 0 ? null : Thread.Current;
            return self == null ? 1 : self->Id;
        }
    }
}
