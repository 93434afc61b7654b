using Nacre.Arch.X64;

namespace Nacre.Personality.Libc
{
    /// <summary>
    /// glibc's libm picks a variant of each function (SSE2, FMA, AVX2 ...) with IFUNC resolvers
    /// that read the CPU description ld.so keeps in `_rtld_global_ro`. The personality exports
    /// that object with the part those resolvers read filled in: `cpu_features` at offset 0x70,
    /// laid out as glibc 2.36 does (after `basic` — kind, max_cpuid, family, model, stepping — an
    /// array of { cpuid eax..edx; active eax..edx } for leaves 1, 7, 0x80000001, ...). "Active"
    /// means present and usable: the AVX family only where the OS (this kernel) enabled its
    /// state (CPUID.1:ECX.OSXSAVE and XCR0 bits 1-2), exactly the test glibc makes. Resolvers read
    /// only the active words (checked by disassembling the libm shipped with Debian 12); other
    /// glibc versions are detected by the tests comparing libm's results with Linux's.
    /// </summary>
    public static unsafe class CpuFeatures
    {
        public const int CpuFeaturesOffset = 0x70;
        private const int FeaturesArrayOffset = 0x14, EntryBytes = 0x20, ActiveOffset = 0x10;
        private const uint AvxFamilyEcx1 = (1u << 12) | (1u << 28) | (1u << 29);   // FMA, AVX, F16C
        private const uint AvxFamilyEbx7 = (1u << 5) | (1u << 16) | (1u << 17) | (1u << 21) | (1u << 26) | (1u << 27) | (1u << 28) | (1u << 30) | (1u << 31); // AVX2, AVX-512*
        private const uint AvxFamilyEcx80000001 = (1u << 16);   // FMA4

        public static void Initialize()
        {
            byte* blob = (byte*)Nacre.Memory.Heap.Alloc(4096);
            byte* features = blob + CpuFeaturesOffset;
            uint maxLeaf = Processor.Cpuid(0).Eax;
            *(int*)(features + 0) = 3;                  // arch_kind_other: no vendor-specific preferences
            *(uint*)(features + 4) = maxLeaf;
            bool avxUsable = AvxStateEnabled();
            Fill(features, 0, 1, 0, maxLeaf >= 1, avxUsable ? 0 : AvxFamilyEcx1, 0);
            Fill(features, 1, 7, 0, maxLeaf >= 7, 0, avxUsable ? 0 : AvxFamilyEbx7);
            Fill(features, 2, 0x80000001, 0, Processor.Cpuid(0x80000000).Eax >= 0x80000001, avxUsable ? 0 : AvxFamilyEcx80000001, 0);
            Elf.PersonalitySymbols.Add("_rtld_global_ro", (ulong)blob);
        }

        private static void Fill(byte* features, int index, uint leaf, uint subleaf, bool present, uint clearEcx, uint clearEbx)
        {
            if (!present) return;
            CpuidResult r = Processor.Cpuid(leaf, subleaf);
            uint* entry = (uint*)(features + FeaturesArrayOffset + index * EntryBytes);
            entry[0] = r.Eax; entry[1] = r.Ebx; entry[2] = r.Ecx; entry[3] = r.Edx;
            uint* active = (uint*)((byte*)entry + ActiveOffset);
            active[0] = r.Eax; active[1] = r.Ebx & ~clearEbx; active[2] = r.Ecx & ~clearEcx; active[3] = r.Edx;
            if (index == 0) active[2] &= ~(1u << 27);   // OSXSAVE is a state, not a feature
        }

        /// <summary>Whether AVX state is enabled: CPUID.1:ECX.OSXSAVE and XCR0's SSE and AVX bits.</summary>
        public static bool AvxStateEnabled() => Processor.AvxStateEnabled;
    }
}
