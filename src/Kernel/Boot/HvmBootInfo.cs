namespace Nacre.Boot
{
    /// <summary>
    /// The HVM-specific fields of the VMM's boot info (layout in docs/hvm.md); BootInfo takes the
    /// memory map and command line. Non-GC statics only: read before module initialisation.
    /// </summary>
    public static unsafe class HvmBootInfo
    {
        public const ulong Magic = 0x314D56485243414EUL; // "NACRHVM1"
        public const uint FlagDeprivileged = 1, FlagHaltIdle = 2, FlagServe = 4;
        public const uint Version = 2;

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

        public static bool Deprivileged => (Flags & FlagDeprivileged) != 0;
        public static bool HaltWhenIdle => (Flags & FlagHaltIdle) != 0;
        public static bool Serve => (Flags & FlagServe) != 0;

        /// <summary>False (nothing read) when the magic or version is wrong.</summary>
        public static bool Parse(byte* info)
        {
            if (*(ulong*)info != Magic || *(uint*)(info + 0x08) != Version) return false;
            CpuCount = *(uint*)(info + 0x0C);
            Flags = *(uint*)(info + 0x10);
            TscKhz = *(ulong*)(info + 0x20);
            ArenaPhysical = *(ulong*)(info + 0x28);
            ArenaVirtual = *(ulong*)(info + 0x30);
            ArenaBytes = *(ulong*)(info + 0x38);
            MailboxAddress = *(ulong*)(info + 0x48);
            HypercallAddress = *(ulong*)(info + 0x50);
            ApicTimerHz = *(ulong*)(info + 0x58);
            WallClockNs = *(ulong*)(info + 0x70);
            TimelineAddress = *(ulong*)(info + 0x78);
            return true;
        }
    }
}
