using System;
using System.Collections.Generic;
using Nacre.Threads;

namespace Nacre.Bench
{
    /// <summary>One runnable benchmark: its name (or names, for those producing several results) and how many CPUs it needs.</summary>
    public sealed class Entry
    {
        public string Name;
        public int MinCpus;
        public Func<Config, Result[]> Run;
        public Func<bool> Available;    // null: always
        public string UnavailableReason;
    }

    /// <summary>Every benchmark, in the order `nacre bench` runs them (the floor first).</summary>
    public static class Catalog
    {
        public static List<Entry> All()
        {
            var all = new List<Entry>();
            Add(all, "rdtsc", 1, c => One(Floor.Rdtsc(c)));
            Add(all, "pingpong", 2, c => One(Floor.PingPong(c)));
            Add(all, "tsc.skew", 2, c => One(Floor.TscSkew(c)));
            Add(all, "launch.poll", 2, c => One(ThreadBenchmarks.Launch(c, IdlePolicy.Poll)));
            Add(all, "launch.halt", 2, c => One(ThreadBenchmarks.Launch(c, IdlePolicy.Halt)));
            Add(all, "createjoin", 1, c => One(ThreadBenchmarks.CreateJoin(c)));
            Add(all, "yield", 1, c => One(ThreadBenchmarks.Yield(c)));
            Add(all, "condvar.poll", 2, c => One(WakeBenchmarks.Signal(c, IdlePolicy.Poll)));
            Add(all, "condvar.halt", 2, c => One(WakeBenchmarks.Signal(c, IdlePolicy.Halt)));
            Add(all, "broadcast.poll", 2, c => One(WakeBenchmarks.Broadcast(c, IdlePolicy.Poll)));
            Add(all, "broadcast.halt", 2, c => One(WakeBenchmarks.Broadcast(c, IdlePolicy.Halt)));
            Add(all, "barrier.poll", 2, c => One(WakeBenchmarks.Barrier(c, IdlePolicy.Poll, spinning: false)));
            Add(all, "barrier.halt", 2, c => One(WakeBenchmarks.Barrier(c, IdlePolicy.Halt, spinning: false)));
            Add(all, "corebarrier", 2, c => One(WakeBenchmarks.Barrier(c, IdlePolicy.Poll, spinning: true)));
            Add(all, "event.poll", 2, c => One(EventBenchmarks.Notify(c, IdlePolicy.Poll)));
            Add(all, "event.ipi", 2, c => One(EventBenchmarks.Notify(c, IdlePolicy.Halt)));
            Add(all, "eventbcast.poll", 2, c => One(EventBenchmarks.Broadcast(c, IdlePolicy.Poll)));
            Add(all, "eventbcast.ipi", 2, c => One(EventBenchmarks.Broadcast(c, IdlePolicy.Halt)));
            AddIf(all, "hypercall.kick", 2, c => One(HypercallBenchmarks.Kick(c)), () => Nacre.Cpus.IdleParking.Enabled, "needs the HVM's deprivileged mode (paravirtual idle)");
            AddIf(all, "hypercall.park", 1, c => One(HypercallBenchmarks.ParkAtOnce(c)), () => Nacre.Cpus.IdleParking.Enabled, "needs the HVM's deprivileged mode (paravirtual idle)");
            Add(all, "timer.10us", 1, c => One(TimerBenchmarks.Timer(c, 10_000)));
            Add(all, "timer.100us", 1, c => One(TimerBenchmarks.Timer(c, 100_000)));
            Add(all, "sleep.10us", 1, c => One(TimerBenchmarks.Sleep(c, 10_000)));
            Add(all, "sleep.100us", 1, c => One(TimerBenchmarks.Sleep(c, 100_000)));
            Add(all, "buddy", 1, c => MemoryBenchmarks.Buddy(c));
            Add(all, "heap", 1, c => MemoryBenchmarks.Heap(c));
            Add(all, "trace.off", 1, c => One(TraceBenchmarks.Record(c, on: false)));
            Add(all, "trace.on", 1, c => One(TraceBenchmarks.Record(c, on: true)));
            Add(all, "throw", 1, c => ExceptionBenchmarks.ThrowCatch(c));
            return all;
        }

        private static void Add(List<Entry> all, string name, int minCpus, Func<Config, Result[]> run) =>
            all.Add(new Entry { Name = name, MinCpus = minCpus, Run = run });

        private static void AddIf(List<Entry> all, string name, int minCpus, Func<Config, Result[]> run, Func<bool> available, string reason) =>
            all.Add(new Entry { Name = name, MinCpus = minCpus, Run = run, Available = available, UnavailableReason = reason });

        private static Result[] One(Result r) => new[] { r };

        /// <summary>
        /// Runs one entry with every CPU's idle policy as it was before, whatever the benchmark set.
        /// </summary>
        public static Result[] Run(Entry entry, Config config)
        {
            int cpus = Nacre.Cpus.Cpus.Count;
            var saved = new IdlePolicy[cpus];
            for (int cpu = 0; cpu < cpus; cpu++) saved[cpu] = ThreadScheduler.IdlePolicyOf(cpu);
            Result[] results = entry.Run(config);
            int self = Bench.ThisCpu;
            for (int cpu = 0; cpu < cpus; cpu++)
                if (cpu != self && ThreadScheduler.IdlePolicyOf(cpu) != saved[cpu]) ThreadScheduler.SetIdlePolicy(cpu, saved[cpu]);
            return results;
        }

        /// <summary>True when name is selected by the filters (prefixes; none = everything).</summary>
        public static bool Selected(string name, List<string> only)
        {
            if (only.Count == 0) return true;
            foreach (string prefix in only)
                if (name.StartsWith(prefix)) return true;
            return false;
        }
    }
}
