using Nacre.Arch.X64;
using Nacre.Boot;

namespace Nacre.Acpi
{
    /// <summary>Common header of every ACPI system description table.</summary>
    public unsafe struct SdtHeader
    {
        public fixed byte Signature[4];
        public uint Length;
        public byte Revision;
        public byte Checksum;
        public fixed byte OemId[6];
        public fixed byte OemTableId[8];
        public uint OemRevision;
        public uint CreatorId;
        public uint CreatorRevision;

        public bool Is(string signature)
        {
            for (int i = 0; i < 4; i++)
                if (Signature[i] != signature[i]) return false;
            return true;
        }
    }

    /// <summary>
    /// Finds the firmware's ACPI tables: the RSDP from the multiboot2 loader if it passed one, else
    /// by the BIOS search (EBDA, then 0xE0000–0xFFFFF), then the XSDT (or RSDT) it points to.
    /// Every table is checksum-verified before use. All of it lies in identity-mapped low memory.
    /// </summary>
    public static unsafe class AcpiTables
    {
        private static SdtHeader* s_root;
        private static bool s_xsdt;
        private static bool s_searched;

        /// <summary>True when the firmware provides ACPI (QEMU and real PCs do; the HVM may not).</summary>
        public static bool Present => Root != null;

        /// <summary>The first table with this signature ("APIC", "SRAT", "HPET", ...), or null.</summary>
        public static SdtHeader* Find(string signature)
        {
            SdtHeader* root = Root;
            if (root == null) return null;
            int entrySize = s_xsdt ? 8 : 4;
            int count = (int)(root->Length - (uint)sizeof(SdtHeader)) / entrySize;
            byte* entries = (byte*)(root + 1);
            for (int i = 0; i < count; i++)
            {
                ulong address = s_xsdt ? *(ulong*)(entries + i * 8) : *(uint*)(entries + i * 4);
                SdtHeader* table = (SdtHeader*)address;
                if (table != null && table->Is(signature) && Checksum((byte*)table, table->Length)) return table;
            }
            return null;
        }

        private static SdtHeader* Root
        {
            get
            {
                if (!s_searched)
                {
                    s_searched = true;
                    // Nacre's VMM provides no firmware tables: its boot info says what ACPI would.
                    if (Platform.IsHvm) return null;
                    byte* rsdp = BootInfo.AcpiRsdp != 0 ? (byte*)BootInfo.AcpiRsdp : SearchRsdp();
                    if (rsdp != null) UseRsdp(rsdp);
                }
                return s_root;
            }
        }

        private static void UseRsdp(byte* rsdp)
        {
            byte revision = rsdp[15];
            ulong xsdt = revision >= 2 ? *(ulong*)(rsdp + 24) : 0;
            SdtHeader* root = xsdt != 0 ? (SdtHeader*)xsdt : (SdtHeader*)(ulong)*(uint*)(rsdp + 16);
            if (root == null || !Checksum((byte*)root, root->Length)) return;
            s_xsdt = xsdt != 0;
            s_root = root;
        }

        private static byte* SearchRsdp()
        {
            ulong ebda = BiosEbda();
            byte* found = ebda >= 0x80000 && ebda < 0xA0000 ? Scan((byte*)ebda, 1024) : null;
            return found != null ? found : Scan((byte*)0xE0000, 0x20000);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        [System.Runtime.RuntimeImport("*", "arch_bios_ebda")]
        private static extern ulong BiosEbda();

        private static byte* Scan(byte* start, int length)
        {
            for (int off = 0; off + 20 <= length; off += 16)
            {
                byte* p = start + off;
                if (p[0] == 'R' && p[1] == 'S' && p[2] == 'D' && p[3] == ' ' && p[4] == 'P' && p[5] == 'T' && p[6] == 'R' && p[7] == ' '
                    && Checksum(p, 20))
                    return p;
            }
            return null;
        }

        private static bool Checksum(byte* p, uint length)
        {
            byte sum = 0;
            for (uint i = 0; i < length; i++) sum += p[i];
            return sum == 0;
        }
    }
}
