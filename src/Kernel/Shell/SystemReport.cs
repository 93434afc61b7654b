using System;
using Nacre.Acpi;
using Nacre.Cpus;
using Nacre.Threads;

namespace Nacre.Shell
{
    /// <summary>The shell's views of the CPUs and the threads (read without locks: a snapshot that may be slightly stale).</summary>
    internal static unsafe class SystemReport
    {
        public static void Cpus()
        {
            int count = Nacre.Cpus.Cpus.Count;
            Console.WriteLine($"cpus: {count} up");
            Console.WriteLine("  cpu  apic  node  idle    ready  current thread");
            for (int i = 0; i < count; i++)
            {
                PerCpu* cpu = Nacre.Cpus.Cpus.Get(i);
                if (cpu == null) continue;
                int node = Srat.NodeOfApic(cpu->ApicId);
                bool scheduled = ThreadScheduler.IsRunningOn(i);
                string policy = !scheduled ? "-" : ThreadScheduler.IdlePolicyOf(i) == IdlePolicy.Poll ? "poll" : "halt";
                string ready = scheduled ? ThreadScheduler.ReadyCount(i).ToString() : "-";
                Thread* current = (Thread*)cpu->CurrentThread;
                string thread = current == null ? "-" : string.Concat(current->Id.ToString(), " ", NameOf(current));
                Console.WriteLine($"  {i,3}  {cpu->ApicId,4}  {(node < 0 ? "-" : node.ToString()),4}  {policy,-6}  {ready,5}  {thread}");
            }
        }

        public static void Threads()
        {
            int blocks = ThreadRegistry.Count, live = 0;
            for (int i = 0; i < blocks; i++)
                if (ThreadRegistry.IsLive(ThreadRegistry.Get(i))) live++;
            Console.WriteLine($"threads: {live} live ({blocks} control blocks, the others pooled)");
            Console.WriteLine("       id  cpu  state    name");
            for (int i = 0; i < blocks; i++)
            {
                Thread* t = ThreadRegistry.Get(i);
                if (!ThreadRegistry.IsLive(t)) continue;
                string cpu = t->State == ThreadState.Created ? "-" : t->Cpu.ToString();
                Console.WriteLine($"  {t->Id,7}  {cpu,3}  {StateOf(t),-7}  {NameOf(t)}");
            }
        }

        private static string NameOf(Thread* t) => Thread.NameOf(t) ?? (t->IsIdle ? "(idle)" : "");

        private static string StateOf(Thread* t)
        {
            bool current = t->State != ThreadState.Created && Nacre.Cpus.Cpus.Get(t->Cpu) != null
                && Nacre.Cpus.Cpus.Get(t->Cpu)->CurrentThread == t;
            if (current) return "running";
            if (t->IsIdle) return "idle";
            switch (t->State)
            {
                case ThreadState.Created: return "created";
                case ThreadState.Ready: return "ready";
                case ThreadState.Running: return "running";
                case ThreadState.Blocked: return "blocked";
                default: return "exited";
            }
        }
    }
}
