using Nacre.Abi;

namespace Nacre.Boot
{
    /// <summary>
    /// The HVM-specific fields of the VMM's boot info (Nacre.Abi.BootInfoHeader; docs/hvm.md);
    /// BootInfo takes the memory map and command line. Non-GC statics only: read before module
    /// initialisation.
    /// </summary>
    public static unsafe class HvmBootInfo
    {
        public static uint CpuCount { get; private set; }
        public static uint Flags { get; private set; }
        public static ulong TscKhz { get; private set; }
        public static ulong ArenaPhysical { get; private set; }
        public static ulong ArenaVirtual { get; private set; }
        public static ulong ArenaBytes { get; private set; }
        public static ulong MailboxAddress { get; private set; }
        public static ulong HypercallAddress { get; private set; }
        public static ulong ApicTimerHz { get; private set; }

        /// <summary>The host's wall clock when it wrote the boot info: nanoseconds since the Unix epoch.</summary>
        public static ulong WallClockNs { get; private set; }

        /// <summary>Where the boot timeline's stamps go (BootTimeline.StageCount u64s), or 0: none.</summary>
        public static ulong TimelineAddress { get; private set; }

        public static bool Deprivileged => (Flags & BootFlags.Deprivileged) != 0;
        public static bool HaltWhenIdle => (Flags & BootFlags.HaltWhenIdle) != 0;
        public static bool Serve => (Flags & BootFlags.Serve) != 0;

        /// <summary>False (nothing read) when the magic or version is wrong.</summary>
        public static bool Parse(BootInfoHeader* info)
        {
            if (info->Magic != BootInfoHeader.ExpectedMagic || info->Version != BootInfoHeader.CurrentVersion) return false;
            CpuCount = info->CpuCount;
            Flags = info->Flags;
            TscKhz = info->TscKhz;
            ArenaPhysical = info->ArenaPhysical;
            ArenaVirtual = info->ArenaVirtual;
            ArenaBytes = info->ArenaBytes;
            MailboxAddress = info->MailboxAddress;
            HypercallAddress = info->HypercallAddress;
            ApicTimerHz = info->ApicTimerHz;
            WallClockNs = info->WallClockNs;
            TimelineAddress = info->TimelineAddress;
            return true;
        }
    }
}
