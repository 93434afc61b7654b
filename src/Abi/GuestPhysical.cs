namespace Nacre.Abi
{
    /// <summary>
    /// Where the HVM puts what it shares with the kernel in guest-physical memory (docs/hvm.md,
    /// "Guest-physical layout"). Low RAM is identity-mapped, so these are also the kernel's
    /// virtual addresses. Compiled into the kernel and into the VMM (Nacre.Hvm).
    /// </summary>
    public static class GuestPhysical
    {
        /// <summary>Most vCPUs an HRT has: the mailbox page holds 64 mailboxes.</summary>
        public const int MaxCpus = 64;

        /// <summary>The VMM's GDT: null, then these selectors, then one 16-byte TSS descriptor per vCPU from FirstTss.</summary>
        public const ulong GdtAddress = 0x1000;
        public const ushort KernelCode = 0x08, KernelData = 0x10, UserData = 0x18, UserCode = 0x20, FirstTss = 0x28;

        /// <summary>The boot info page: the header (BootInfoHeader), the memory map at +0x80, the command line at +0x200.</summary>
        public const ulong BootInfoAddress = 0x2000;
        public const ulong MemoryMapAddress = BootInfoAddress + 0x80;
        public const int MaxMemoryMapEntries = 16;
        public const ulong CommandLineAddress = BootInfoAddress + 0x200;
        public const int MaxCommandLineLength = 0x1000 - 0x200 - 1;

        /// <summary>One 64-bit TSS per vCPU, TssStride bytes apart.</summary>
        public const ulong TssBase = 0x3000, TssStride = 128;

        /// <summary>The kernel's boot-stage TSC stamps (u64 per stage; 0 = not reached).</summary>
        public const ulong TimelineAddress = 0x5000;

        /// <summary>One InvokeMailbox per vCPU, MailboxStride bytes apart.</summary>
        public const ulong MailboxBase = 0x6000, MailboxStride = 64;

        /// <summary>The module table: MaxModules ModuleEntry records, then the NUL-terminated names.</summary>
        public const ulong ModuleTableAddress = 0x7000;
        public const int MaxModules = 16, MaxModuleNameLength = 127;
        public const ulong ModuleNamesAddress = ModuleTableAddress + MaxModules * 24;

        /// <summary>The upcall page: requests the HRT posts to a host service (the service owns its layout).</summary>
        public const ulong UpcallPageAddress = 0x8000, UpcallPageSize = 0x1000;

        /// <summary>The VMM's page tables; everything below VmmStructuresEnd is reserved in the memory map.</summary>
        public const ulong PageTablesBase = 0x1_0000, PageTablesEnd = 0x2_0000;
        public const ulong VmmStructuresEnd = 0x2_0000;

        /// <summary>The hypercall page: no memory behind it, so each store is an MMIO exit (offsets in Hypercalls).</summary>
        public const ulong HypercallAddress = 0xFEB0_0000, HypercallPageSize = 0x1000;

        /// <summary>The arena's guest-physical base (a second memory slot); the kernel maps it at the host's address.</summary>
        public const ulong ArenaPhysical = 0x1_0000_0000;
    }
}
