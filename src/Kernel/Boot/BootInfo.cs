using Nacre.Abi;

namespace Nacre.Boot
{
    /// <summary>One range of the physical memory map.</summary>
    public struct MemoryRegion
    {
        public ulong Base;
        public ulong Length;
        public MemoryRegionType Type;
        public ulong End => Base + Length;
    }

    public enum MemoryRegionType : uint
    {
        Available = 1, Reserved = 2, AcpiReclaimable = 3, AcpiNvs = 4, BadMemory = 5,
    }

    /// <summary>
    /// What the loader told us, copied out of its structures before the heap exists (the loader's
    /// memory becomes ours). Non-GC statics only: this runs before module initialisation.
    /// </summary>
    public static unsafe class BootInfo
    {
        public const int MaxRegions = 64;
        private const int MaxCommandLine = 1024;

        private struct Regions { public fixed byte Bytes[MaxRegions * 24]; }
        private struct CommandLineBuffer { public fixed byte Bytes[MaxCommandLine]; }

        private static Regions s_regions;
        private static CommandLineBuffer s_commandLine;
        private static int s_regionCount;
        private static int s_commandLineLength;

        public static int RegionCount => s_regionCount;

        // Modules the loader placed in memory (multiboot modules, the HVM's module table): their
        // bytes and a copy of their name (the module's command line), read before the heap exists.
        public const int MaxModules = 16;
        private const int MaxModuleName = 128;
        private struct ModuleTable { public fixed ulong Bounds[MaxModules * 2]; public fixed byte Names[MaxModules * MaxModuleName]; }
        private static ModuleTable s_modules;
        private static int s_moduleCount;

        /// <summary>How many modules the loader passed.</summary>
        public static int ModuleCount => s_moduleCount;

        /// <summary>Module i's bytes, [start, end) physical (= virtual: the identity map covers them).</summary>
        public static void Module(int i, out ulong start, out ulong end)
        {
            fixed (ModuleTable* t = &s_modules) { start = t->Bounds[2 * i]; end = t->Bounds[2 * i + 1]; }
        }

        /// <summary>Module i's name: its multiboot command line (or the HVM's module name), ASCII, NUL-terminated.</summary>
        public static byte* ModuleName(int i)
        {
            fixed (ModuleTable* t = &s_modules) return t->Names + i * MaxModuleName;
        }

        private static void AddModule(ulong start, ulong end, byte* name)
        {
            AddLoaderRange(start, end);
            if (s_moduleCount == MaxModules) return;
            fixed (ModuleTable* t = &s_modules)
            {
                t->Bounds[2 * s_moduleCount] = start;
                t->Bounds[2 * s_moduleCount + 1] = end;
                byte* copy = t->Names + s_moduleCount * MaxModuleName;
                int n = 0;
                while (name != null && n < MaxModuleName - 1 && name[n] != 0) { copy[n] = name[n]; n++; }
                copy[n] = 0;
            }
            s_moduleCount++;
        }

        /// <summary>Address of the ACPI RSDP the loader copied for us (multiboot2 only), or 0.</summary>
        public static ulong AcpiRsdp { get; private set; }

        private struct RsdpCopy { public fixed byte Bytes[64]; }
        private static RsdpCopy s_rsdp;

        // Memory the loader's structures and modules occupy: the physical memory map keeps it
        // reserved, so that modules (and the info block) stay readable after the heap exists.
        public const int MaxLoaderRanges = 32;
        private struct LoaderRanges { public fixed ulong Bounds[MaxLoaderRanges * 2]; }
        private static LoaderRanges s_loaderRanges;
        private static int s_loaderRangeCount;

        public static int LoaderRangeCount => s_loaderRangeCount;

        /// <summary>Range i of the loader's memory: its info block and each module, [start, end).</summary>
        public static void LoaderRange(int i, out ulong start, out ulong end)
        {
            fixed (LoaderRanges* r = &s_loaderRanges) { start = r->Bounds[2 * i]; end = r->Bounds[2 * i + 1]; }
        }

        private static void AddLoaderRange(ulong start, ulong end)
        {
            if (s_loaderRangeCount == MaxLoaderRanges || end <= start) return;
            fixed (LoaderRanges* r = &s_loaderRanges)
            {
                r->Bounds[2 * s_loaderRangeCount] = start;
                r->Bounds[2 * s_loaderRangeCount + 1] = end;
            }
            s_loaderRangeCount++;
        }

        public static MemoryRegion Region(int i)
        {
            fixed (Regions* r = &s_regions) return ((MemoryRegion*)r)[i];
        }

        /// <summary>
        /// Whether the command line starts with the image's path: multiboot v1 loaders (QEMU,
        /// GRUB's `multiboot`) put it first, GRUB's `multiboot2` passes only the arguments.
        /// </summary>
        public static bool CommandLineHasImagePath { get; private set; }

        /// <summary>The loader's command line as a string (call after the heap exists).</summary>
        public static string CommandLine
        {
            get
            {
                fixed (CommandLineBuffer* b = &s_commandLine)
                {
                    char* chars = stackalloc char[s_commandLineLength];
                    for (int i = 0; i < s_commandLineLength; i++) chars[i] = (char)b->Bytes[i];
                    return new string(chars, 0, s_commandLineLength);
                }
            }
        }

        public static bool Parse(uint magic, byte* info)
        {
            if (magic == 0x2BADB002) { ParseMultiboot1(info); CommandLineHasImagePath = true; return true; }
            if (magic == 0x36D76289) { ParseMultiboot2(info); return true; }
            return false;
        }

        private static void ParseMultiboot1(byte* info)
        {
            uint flags = *(uint*)info;
            AddLoaderRange((ulong)info, (ulong)info + 120);    // the v1 info structure with all its fields
            if ((flags & (1 << 3)) != 0)
            {
                uint count = *(uint*)(info + 20);
                byte* mods = (byte*)(ulong)*(uint*)(info + 24);
                AddLoaderRange((ulong)mods, (ulong)mods + count * 16UL);
                for (uint m = 0; m < count; m++)
                    AddModule(*(uint*)(mods + m * 16), *(uint*)(mods + m * 16 + 4), (byte*)(ulong)*(uint*)(mods + m * 16 + 8));
            }
            if ((flags & (1 << 2)) != 0) CopyCommandLine((byte*)(ulong)*(uint*)(info + 16));
            if ((flags & (1 << 6)) != 0)
            {
                uint length = *(uint*)(info + 44);
                byte* p = (byte*)(ulong)*(uint*)(info + 48);
                byte* end = p + length;
                while (p < end)
                {
                    uint size = *(uint*)p;
                    AddRegion(*(ulong*)(p + 4), *(ulong*)(p + 12), (MemoryRegionType)(*(uint*)(p + 20)));
                    p += size + 4;
                }
            }
            else if ((flags & 1) != 0)
            {
                AddRegion(0, (ulong)*(uint*)(info + 4) * 1024, MemoryRegionType.Available);
                AddRegion(0x100000, (ulong)*(uint*)(info + 8) * 1024, MemoryRegionType.Available);
            }
        }

        /// <summary>The boot info of Nacre's VMM (docs/hvm.md): memory map and command line.</summary>
        public static void ParseHvm(BootInfoHeader* info)
        {
            HvmBootInfo.Parse(info);
            MemoryMapEntry* map = (MemoryMapEntry*)info->MemoryMapAddress;
            for (uint i = 0; i < info->MemoryMapCount; i++)
                AddRegion(map[i].Base, map[i].Length, (MemoryRegionType)map[i].Type);
            CopyCommandLine((byte*)info->CommandLineAddress);
            AddLoaderRange((ulong)info, (ulong)info + 4096);
            ModuleEntry* table = (ModuleEntry*)info->ModuleTableAddress;
            for (uint i = 0; i < info->ModuleCount; i++)
                AddModule(table[i].Physical, table[i].Physical + table[i].Bytes, (byte*)table[i].NameAddress);
        }

        /// <summary>
        /// Whether the command line has this word (space-separated), before the heap exists: the
        /// options that decide how the kernel boots (`deprivileged`) are read this way.
        /// </summary>
        public static bool HasWord(string word)
        {
            fixed (CommandLineBuffer* b = &s_commandLine)
            {
                int i = 0;
                while (i < s_commandLineLength)
                {
                    while (i < s_commandLineLength && b->Bytes[i] == (byte)' ') i++;
                    int start = i;
                    while (i < s_commandLineLength && b->Bytes[i] != (byte)' ') i++;
                    if (i - start != word.Length) continue;
                    int k = 0;
                    while (k < word.Length && b->Bytes[start + k] == (byte)word[k]) k++;
                    if (k == word.Length) return true;
                }
            }
            return false;
        }

        private static void ParseMultiboot2(byte* info)
        {
            uint total = *(uint*)info;
            AddLoaderRange((ulong)info, (ulong)info + total);
            byte* p = info + 8;
            byte* end = info + total;
            while (p + 8 <= end)
            {
                uint type = *(uint*)p;
                uint size = *(uint*)(p + 4);
                if (type == 0) break;
                if (type == 1) CopyCommandLine(p + 8);
                else if (type == 3) AddModule(*(uint*)(p + 8), *(uint*)(p + 12), p + 16);   // a module and its command line
                else if ((type == 14 || type == 15) && AcpiRsdp == 0) CopyRsdp(p + 8, size - 8);
                else if (type == 6)
                {
                    uint entrySize = *(uint*)(p + 8);
                    for (byte* e = p + 16; e + entrySize <= p + size; e += entrySize)
                        AddRegion(*(ulong*)e, *(ulong*)(e + 8), (MemoryRegionType)(*(uint*)(e + 16)));
                }
                p += (size + 7) & ~7u;
            }
        }

        // GRUB hands over a copy of the RSDP inside its info block, which becomes free memory later.
        private static void CopyRsdp(byte* rsdp, uint length)
        {
            fixed (RsdpCopy* c = &s_rsdp)
            {
                for (uint i = 0; i < length && i < 64; i++) c->Bytes[i] = rsdp[i];
                AcpiRsdp = (ulong)c;
            }
        }

        private static void CopyCommandLine(byte* s)
        {
            if (s == null) return;
            fixed (CommandLineBuffer* b = &s_commandLine)
            {
                int n = 0;
                while (n < MaxCommandLine && s[n] != 0) { b->Bytes[n] = s[n]; n++; }
                s_commandLineLength = n;
            }
        }

        private static void AddRegion(ulong start, ulong length, MemoryRegionType type)
        {
            if (s_regionCount == MaxRegions || length == 0) return;
            fixed (Regions* r = &s_regions)
            {
                MemoryRegion* m = (MemoryRegion*)r + s_regionCount++;
                m->Base = start;
                m->Length = length;
                m->Type = type;
            }
        }
    }
}
