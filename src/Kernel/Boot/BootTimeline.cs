using System.Threading;
using Nacre.Arch.X64;

namespace Nacre.Boot
{
    /// <summary>The points of the boot sequence that the timeline stamps, in the order they happen.</summary>
    public enum BootStage
    {
        /// <summary>The first C# instruction (nacre_start / nacre_hvm_start).</summary>
        Entry = 0,
        /// <summary>MemorySystem.Initialize returned: zones, the kernel's page tables, the heap.</summary>
        Memory = 1,
        /// <summary>Module initialisation (statics, eager constructors) and the boot CPU's scheduler.</summary>
        Runtime = 2,
        /// <summary>Interrupts, events, TLB shootdown and time are set up on the boot CPU.</summary>
        Devices = 3,
        /// <summary>Every other CPU is up and idle.</summary>
        CpusUp = 4,
        /// <summary>The HRT's Main is about to run.</summary>
        Main = 5,
        /// <summary>Under the HVM with Serve: every CPU serves its mailbox (Main returned).</summary>
        Ready = 6,
    }

    /// <summary>
    /// TSC stamps of the boot stages, so that a slow boot can be taken apart. Under the HVM the
    /// stamps are also stored where the boot info's TimelineAddress points (docs/hvm.md), as each
    /// is taken, so the host reads them from guest RAM; a stamp costs one rdtsc and a store.
    /// Non-GC statics only: stamped before module initialisation.
    /// </summary>
    public static unsafe class BootTimeline
    {
        public const int StageCount = 7;

        private struct Stamps { public fixed ulong Values[StageCount]; }

        private static Stamps s_stamps;
        private static ulong* s_published;

        /// <summary>From now on every stamp is also stored at published[stage] (HVM boot info).</summary>
        public static void Publish(ulong* published)
        {
            s_published = published;
            if (published == null) return;
            for (int i = 0; i < StageCount; i++)
                if (s_stamps.Values[i] != 0) Volatile.Write(ref published[i], s_stamps.Values[i]);
        }

        /// <summary>Records the TSC for stage (the first time only: a stage happens once per boot).</summary>
        public static void Mark(BootStage stage)
        {
            int i = (int)stage;
            if ((uint)i >= StageCount || s_stamps.Values[i] != 0) return;
            ulong now = Cpu.ReadTsc();
            s_stamps.Values[i] = now;
            if (s_published != null) Volatile.Write(ref s_published[i], now);
        }

        /// <summary>The TSC when stage was reached, or 0 if it has not been.</summary>
        public static ulong Stamp(BootStage stage) =>
            (uint)stage < StageCount ? s_stamps.Values[(int)stage] : 0;
    }
}
