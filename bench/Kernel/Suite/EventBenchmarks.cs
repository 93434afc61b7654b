using Nacre.Abi;
using System.Threading;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Sync;
using Nacre.Threads;

namespace Nacre.Bench
{
    /// <summary>Event notification to one CPU and broadcast to all, by the polling and the IPI path.</summary>
    public static unsafe class EventBenchmarks
    {
        private struct Hit
        {
            public long Stop;
            public int Count;
            public int Cpu;
            public fixed byte Pad[48];
        }

        private static Hit* s_hits;      // one line per CPU
        private static int s_event = -1;

        // The event's action, on the notified CPU (idle loop or interrupt handler): stamp first.
        private static void OnEvent(void* unused)
        {
            long now = Bench.Now;
            int cpu = Bench.ThisCpu;
            Hit* h = &s_hits[cpu];
            h->Stop = now;
            h->Cpu = cpu;
            Volatile.Write(ref h->Count, h->Count + 1);
        }

        private static int EventId()
        {
            if (s_event < 0)
            {
                s_hits = (Hit*)Bench.Lines(Nacre.Cpus.Cpus.Count * sizeof(Hit));
                s_event = Events.Register(&OnEvent, null);
            }
            return s_event;
        }

        /// <summary>
        /// event.poll / event.ipi: CPU 0 stamps and calls Events.Notify(1, id); the action stamps
        /// first thing on CPU 1. Sample = its stamp − CPU 0's. Poll: CPU 1 idles polling and sees the
        /// pending bit in its idle loop (no IPI may be sent). Ipi: CPU 1 is halted and is woken by
        /// the event IPI, the action runs in the handler (exactly one IPI per sample) — except where
        /// idle CPUs park in the VMM (IdleParking): there CPU 1 is kicked, no IPI, and runs the
        /// action in its idle loop.
        /// </summary>
        public static Result Notify(Config config, IdlePolicy policy) => Run(config, policy, broadcast: false);

        /// <summary>eventbcast.poll / eventbcast.ipi: Events.Broadcast to every other CPU; sample = the last CPU's stamp − CPU 0's.</summary>
        public static Result Broadcast(Config config, IdlePolicy policy) => Run(config, policy, broadcast: true);

        private static Result Run(Config config, IdlePolicy policy, bool broadcast)
        {
            string path = policy == IdlePolicy.Poll ? "poll" : "ipi";
            var r = new Result((broadcast ? "eventbcast." : "event.") + path, config);
            int id = EventId();
            int targets = broadcast ? Nacre.Cpus.Cpus.Count - 1 : 1;
            Bench.SetOthersIdlePolicy(policy);
            int* before = stackalloc int[targets + 1];
            ParkBlock* parks = stackalloc ParkBlock[targets + 1];
            bool parking = policy == IdlePolicy.Halt && IdleParking.Enabled;
            while (!r.Full)
            {
                for (int cpu = 1; cpu <= targets; cpu++)
                {
                    Bench.WaitReady(cpu, policy);
                    before[cpu] = Volatile.Read(ref s_hits[cpu].Count);
                    parks[cpu] = IdleParking.CountsOf(cpu);
                }
                long ipis = Events.IpisSent, kicks = IdleParking.KicksSent;
                long t0 = Bench.Now;
                if (broadcast) Events.Broadcast(id); else Events.Notify(1, id);
                long last = long.MinValue;
                bool onTarget = true;
                for (int cpu = 1; cpu <= targets; cpu++)
                {
                    Bench.WaitFor(&s_hits[cpu].Count, before[cpu] + 1, "an event action");
                    if (s_hits[cpu].Stop > last) last = s_hits[cpu].Stop;
                    onTarget &= s_hits[cpu].Cpu == cpu;
                }
                long sent = Events.IpisSent - ipis, kicked = IdleParking.KicksSent - kicks;
                if (!r.Add(last - t0)) continue;
                r.Expect("action stamp taken on the notified CPU", onTarget);
                if (policy == IdlePolicy.Poll) r.Expect("no IPI sent (polling path)", sent == 0);
                else if (!parking) r.Expect("one IPI per target (IPI path)", sent == targets);
                else
                {
                    bool byKick = true;
                    for (int cpu = 1; cpu <= targets; cpu++) byKick &= Bench.ParkEndedByKick(cpu, parks[cpu]);
                    r.Expect("parked targets: no IPI, one kick each", sent == 0 && kicked == targets);
                    r.Expect("targets parked in the VMM, woken by the kick (not their deadline)", byKick);
                }
            }
            return r;
        }
    }
}
