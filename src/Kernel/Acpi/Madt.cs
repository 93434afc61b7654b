namespace Nacre.Acpi
{
    /// <summary>
    /// What the MADT ("APIC" table) says about interrupt hardware: the enabled CPUs' APIC ids
    /// (processor-local APIC and x2APIC entries), the IOAPICs, and the ISA IRQ overrides.
    /// Parsed once into fixed arrays (no allocation); without a MADT there is one CPU and no IOAPIC.
    /// </summary>
    public static unsafe class Madt
    {
        public const int MaxCpus = 256, MaxIoApics = 8;

        private struct Ids { public fixed uint Values[MaxCpus]; }
        private struct IoApicTable { public fixed ulong Address[MaxIoApics]; public fixed uint GsiBase[MaxIoApics]; public fixed byte Id[MaxIoApics]; }
        // ISA IRQ 0..15 → GSI and MPS flags (polarity bits 0-1, trigger bits 2-3).
        private struct IsaTable { public fixed uint Gsi[16]; public fixed ushort Flags[16]; }

        private static Ids s_cpus;
        private static IoApicTable s_ioapics;
        private static IsaTable s_isa;
        private static int s_cpuCount, s_ioApicCount;
        private static ulong s_lapicAddress;
        private static bool s_parsed, s_present, s_hasPic;

        public static bool Present { get { Parse(); return s_present; } }

        /// <summary>Enabled CPUs, in table order (the firmware lists the boot CPU first).</summary>
        public static int CpuCount { get { Parse(); return s_cpuCount; } }

        public static uint CpuApicId(int i) { Parse(); fixed (Ids* t = &s_cpus) return t->Values[i]; }

        /// <summary>Physical address of the xAPIC registers (0 without a MADT).</summary>
        public static ulong LocalApicAddress { get { Parse(); return s_lapicAddress; } }

        /// <summary>True when the machine also has 8259 PICs (MADT flag PCAT_COMPAT) that must be masked.</summary>
        public static bool HasLegacyPic { get { Parse(); return !s_present || s_hasPic; } }

        public static int IoApicCount { get { Parse(); return s_ioApicCount; } }
        public static ulong IoApicAddress(int i) { Parse(); fixed (IoApicTable* t = &s_ioapics) return t->Address[i]; }
        public static uint IoApicGsiBase(int i) { Parse(); fixed (IoApicTable* t = &s_ioapics) return t->GsiBase[i]; }
        public static byte IoApicId(int i) { Parse(); fixed (IoApicTable* t = &s_ioapics) return t->Id[i]; }

        /// <summary>The GSI an ISA IRQ arrives on, and its MPS flags (0 = bus default: edge, active high).</summary>
        public static uint IsaIrqToGsi(int irq, out ushort flags)
        {
            Parse();
            fixed (IsaTable* t = &s_isa)
            {
                flags = t->Flags[irq];
                return t->Gsi[irq];
            }
        }

        private static void Parse()
        {
            if (s_parsed) return;
            s_parsed = true;
            fixed (IsaTable* isa = &s_isa)
                for (int i = 0; i < 16; i++) isa->Gsi[i] = (uint)i;
            SdtHeader* madt = AcpiTables.Find("APIC");
            if (madt == null) return;
            s_present = true;
            byte* p = (byte*)madt;
            s_lapicAddress = *(uint*)(p + 36);
            s_hasPic = (*(uint*)(p + 40) & 1) != 0;
            byte* end = p + madt->Length;
            for (byte* e = p + 44; e + 2 <= end && e[1] >= 2 && e + e[1] <= end; e += e[1])
            {
                switch (e[0])
                {
                    case 0: // processor local APIC: ACPI id, APIC id, flags (bit 0 enabled)
                        if ((*(uint*)(e + 4) & 1) != 0) AddCpu(e[3]);
                        break;
                    case 1: // IOAPIC: id, reserved, address, GSI base
                        if (s_ioApicCount < MaxIoApics)
                            fixed (IoApicTable* t = &s_ioapics)
                            {
                                t->Id[s_ioApicCount] = e[2];
                                t->Address[s_ioApicCount] = *(uint*)(e + 4);
                                t->GsiBase[s_ioApicCount] = *(uint*)(e + 8);
                                s_ioApicCount++;
                            }
                        break;
                    case 2: // interrupt source override: bus, source IRQ, GSI, flags
                        if (e[3] < 16)
                            fixed (IsaTable* t = &s_isa)
                            {
                                t->Gsi[e[3]] = *(uint*)(e + 4);
                                t->Flags[e[3]] = *(ushort*)(e + 8);
                            }
                        break;
                    case 5: // 64-bit local APIC address override
                        s_lapicAddress = *(ulong*)(e + 4);
                        break;
                    case 9: // processor local x2APIC: reserved, x2APIC id, flags, ACPI uid
                        if ((*(uint*)(e + 8) & 1) != 0) AddCpu(*(uint*)(e + 4));
                        break;
                }
            }
        }

        private static void AddCpu(uint apicId)
        {
            if (s_cpuCount == MaxCpus) return;
            fixed (Ids* t = &s_cpus)
            {
                for (int i = 0; i < s_cpuCount; i++)
                    if (t->Values[i] == apicId) return; // listed both as xAPIC and x2APIC
                t->Values[s_cpuCount++] = apicId;
            }
        }
    }
}
