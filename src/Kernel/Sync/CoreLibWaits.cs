using System;
using System.Runtime;
using Nacre.Threads;

namespace Nacre.Sync
{
    /// <summary>
    /// The kernel primitives the core library's System.Threading types (Monitor, the events,
    /// Thread) are built on: futex waits on a word, and kernel threads. Exported by symbol name
    /// because the core library sits below the kernel and cannot reference it.
    /// </summary>
    internal static unsafe class CoreLibWaits
    {
        // Returns Futex.Woken, ValueChanged or TimedOut.
        [RuntimeExport("nacre_futex_wait")]
        private static int Wait(int* address, int expected, ulong timeoutNs) => Futex.Wait(address, expected, timeoutNs);

        [RuntimeExport("nacre_futex_wake")]
        private static int Wake(int* address, int count) => Futex.Wake(address, count);

        [RuntimeExport("nacre_thread_start")]
        private static void* StartThread(Action body)
        {
            Thread* t = Thread.Create(body);
            Thread.Start(t);
            return t;
        }

        [RuntimeExport("nacre_thread_join")]
        private static void JoinThread(void* thread) => Thread.Join((Thread*)thread);

        [RuntimeExport("nacre_thread_yield")]
        private static void Yield() => Thread.Yield();
    }
}
