using System.Threading;
using Nacre.Abi;
using Nacre.Arch.X64;
using Nacre.Boot;
using Nacre.Irq;
using Nacre.Sync;
using Nacre.Threads;
using Thread = Nacre.Threads.Thread;

namespace Nacre.Hvm
{
    /// <summary>
    /// Serves the host's calls under the HVM: after Main returns, one thread bound to each CPU
    /// runs the exports the host posts to that CPU's mailbox. A polling CPU spins on its mailbox
    /// (the lowest latency: the host's store is seen one cache-line transfer later); a halting one
    /// sleeps until the host's MSI (vector Invoke) wakes it. Either way other threads on the CPU
    /// still run: the poller yields to them, the sleeper is off the run queue. An exception that
    /// escapes an export goes back to the host as a report (InvokeFailure) and the CPU serves on.
    /// </summary>
    public static unsafe class InvokeServer
    {
        private const int SpinsBetweenYields = 4096;

        private struct Queues { public fixed byte Bytes[64 * 32]; }  // a WaitQueue per CPU (≤ 64)
        private static Queues s_queues;
        private static int s_started;
        private static delegate*<void> s_threadSetup;
        private static nuint s_stackSize;

        /// <summary>
        /// For a layer whose exported functions need more than a kernel thread (the .NET world's
        /// need a thread control block and a real stack): every serving thread — on every CPU,
        /// CPU 0 included, instead of the boot thread — gets stackSize bytes of stack and runs
        /// threadSetup before its first call. Call before Main returns.
        /// </summary>
        public static void Configure(delegate*<void> threadSetup, nuint stackSize)
        {
            s_threadSetup = threadSetup;
            s_stackSize = stackSize;
        }

        private static InvokeMailbox* MailboxOf(int cpu) => (InvokeMailbox*)(HvmBootInfo.MailboxAddress + (ulong)cpu * GuestPhysical.MailboxStride);

        private static WaitQueue* QueueOf(int cpu)
        {
            fixed (Queues* q = &s_queues) return (WaitQueue*)q + cpu;
        }

        /// <summary>Starts a server on every CPU, tells the host, and serves on this one for good.</summary>
        public static void Serve(int mainResult)
        {
            if (sizeof(WaitQueue) > 32) Diagnostics.Panic.Message("InvokeServer: WaitQueue outgrew its slot");
            if (HvmBootInfo.HaltWhenIdle) Interrupts.Register(Vectors.Invoke, &OnInvokeInterrupt);
            int count = Cpus.Cpus.Count;
            if (s_threadSetup != null)
            {
                // Every CPU serves on a thread of its own; the boot thread only waits.
                for (int cpu = 0; cpu < count; cpu++) Thread.Launch(&Run, null, cpu, s_stackSize);
                while (Volatile.Read(ref s_started) < count) Thread.Yield();
                BootTimeline.Mark(BootStage.Ready);
                Hypercall.NotifyReady(mainResult);
                while (true) Thread.Sleep(1_000_000_000_000UL);
            }
            for (int cpu = 1; cpu < count; cpu++) Thread.Launch(&Run, null, cpu);
            while (Volatile.Read(ref s_started) < count - 1) Cpu.Pause();
            BootTimeline.Mark(BootStage.Ready);
            Hypercall.NotifyReady(mainResult);
            Run(null);
        }

        private static long Run(void* unused)
        {
            int cpu = Cpus.Cpus.Current->Index;
            if (s_threadSetup != null) s_threadSetup();
            if (cpu != 0 || s_threadSetup != null) Interlocked.Increment(ref s_started);
            InvokeMailbox* box = MailboxOf(cpu);
            bool halt = HvmBootInfo.HaltWhenIdle;
            int spins = 0;
            byte* report = null;    // this CPU's exception report, allocated at the first one
            while (true)
            {
                ulong request = Volatile.Read(ref box->Request);
                if (request != box->Done)
                {
                    // Unmanaged: the function may be C (a loaded library's export), whose address NativeAOT's
                    // managed calli would misread as a fat pointer when bit 1 is set.
                    var function = (delegate* unmanaged[Cdecl, SuppressGCTransition]<long, long, long, long, long>)box->Function;
                    Tracing.Trace.Record(Tracing.TraceKind.InvokeBegin, (uint)box->Function, 0);
                    ulong done = request;
                    try
                    {
                        box->Result = function(box->Arg0, box->Arg1, box->Arg2, box->Arg3);
                    }
                    catch (System.Exception e)
                    {
                        // The host gets it as an HrtGuestException; this CPU serves on.
                        if (report == null) report = (byte*)Memory.Heap.Alloc(InvokeFailure.ReportBytes);
                        InvokeFailure.Write(e, report);
                        box->Result = (long)report;
                        done = request | InvokeMailbox.Failed;
                    }
                    Tracing.Trace.Record(Tracing.TraceKind.InvokeEnd, (uint)box->Function, 0);
                    Volatile.Write(ref box->Done, done);
                    spins = 0;
                    continue;
                }
                if (halt) QueueOf(cpu)->WaitUntil(&Posted, box);
                else if (++spins == SpinsBetweenYields) { spins = 0; Thread.Yield(); }
                else Cpu.Pause();
            }
        }

        private static bool Posted(void* box) => Volatile.Read(ref ((InvokeMailbox*)box)->Request) != ((InvokeMailbox*)box)->Done;

        private static void OnInvokeInterrupt(TrapFrame* frame)
        {
            QueueOf(Cpus.Cpus.Current->Index)->WakeAll();
        }
    }
}
