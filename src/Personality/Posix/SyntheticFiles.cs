using System.Text;
using Nacre.Arch.X64;
using Nacre.Memory;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// The read-only files a program finds here: what the .NET runtime reads at start-up to learn
    /// the machine (online CPUs, cache sizes for the GC's budgets, memory), generated when opened
    /// from the Aerokernel's own view, and the devices /dev/null, /dev/zero, /dev/urandom,
    /// /dev/random. Everything else does not exist (ENOENT) — cgroups among them, so the runtime
    /// sees no container limits, as on a machine without cgroups.
    /// </summary>
    public static unsafe class SyntheticFiles
    {
        /// <summary>The file's kind and (for Memory files) its contents, or false when path does not exist.</summary>
        public static bool Open(byte* path, out FileKind kind, out string contents, out bool directory)
        {
            kind = FileKind.Memory;
            contents = null;
            directory = false;
            string p = CString.ToManaged(path);
            switch (p)
            {
                case "/dev/null": kind = FileKind.Null; return true;
                case "/dev/zero": kind = FileKind.Zero; return true;
                case "/dev/urandom": case "/dev/random": kind = FileKind.Random; return true;
                case "/sys/devices/system/cpu/online":
                case "/sys/devices/system/cpu/possible":
                case "/sys/devices/system/cpu/present":
                    contents = CpuList();
                    return true;
                case "/proc/meminfo": contents = MemInfo(); return true;
                case "/proc/self/maps": contents = Maps(); return true;
                case "/": case "/proc": case "/sys": case "/dev": case "/tmp": kind = FileKind.Directory; directory = true; return true;
            }
            const string CachePrefix = "/sys/devices/system/cpu/cpu";
            if (p.StartsWith(CachePrefix)) return CacheFile(p, out contents);
            return false;
        }

        /// <summary>Whether path's directory exists (creating a file there fails with EROFS rather than ENOENT).</summary>
        public static bool ParentExists(byte* path)
        {
            string p = CString.ToManaged(path);
            int slash = p.LastIndexOf('/');
            if (slash < 0) return true;   // relative: the working directory, "/"
            if (slash == 0) return true;
            byte* parent = CString.FromManaged(p.Substring(0, slash));
            bool exists = Open(parent, out _, out _, out bool directory) && directory;
            Nacre.Memory.Heap.Free(parent);
            return exists;
        }

        private static string CpuList()
        {
            int n = Nacre.Cpus.Cpus.Count;
            return n == 1 ? "0\n" : "0-" + (n - 1).ToString() + "\n";
        }

        private static string MemInfo()
        {
            ulong totalKb = PageAllocator.TotalBytes / 1024, freeKb = PageAllocator.FreeBytes / 1024;
            var sb = new StringBuilder();
            Line(sb, "MemTotal:", totalKb);
            Line(sb, "MemFree:", freeKb);
            Line(sb, "MemAvailable:", freeKb);
            Line(sb, "Buffers:", 0);
            Line(sb, "Cached:", 0);
            Line(sb, "SwapTotal:", 0);
            Line(sb, "SwapFree:", 0);
            return sb.ToString();
        }

        private static void Line(StringBuilder sb, string name, ulong kb)
        {
            sb.Append(name);
            string value = kb.ToString();
            for (int i = name.Length + value.Length; i < 24; i++) sb.Append(' ');
            sb.Append(value);
            sb.Append(" kB\n");
        }

        // The loaded objects, in /proc/self/maps format (one line per object, for diagnostics).
        private static string Maps()
        {
            var sb = new StringBuilder();
            foreach (var o in Elf.Linker.Objects)
            {
                sb.Append(o.MapStart.ToString("x")); sb.Append('-'); sb.Append(o.MapEnd.ToString("x"));
                sb.Append(" r-xp 00000000 00:00 0 "); sb.Append(o.Name); sb.Append('\n');
            }
            return sb.ToString();
        }

        // /sys/devices/system/cpu/cpuN/cache/indexK/{level,size,type,coherency_line_size}, from
        // CPUID's deterministic cache parameters (leaf 4, or 0x8000001D on AMD).
        private static bool CacheFile(string p, out string contents)
        {
            contents = null;
            int slash = p.IndexOf("/cache/index");
            if (slash < 0) return false;
            int k = slash + "/cache/index".Length, index = 0, digits = 0;
            while (k < p.Length && p[k] >= '0' && p[k] <= '9') { index = index * 10 + (p[k] - '0'); k++; digits++; }
            if (digits == 0 || k >= p.Length || p[k] != '/') return false;
            string file = p.Substring(k + 1);
            if (!CacheLeaf(index, out CpuidResult r)) return false;
            uint type = r.Eax & 0x1F;
            uint level = (r.Eax >> 5) & 7;
            ulong line = (r.Ebx & 0xFFF) + 1, partitions = ((r.Ebx >> 12) & 0x3FF) + 1, ways = (r.Ebx >> 22) + 1, sets = (ulong)r.Ecx + 1;
            ulong sizeKb = line * partitions * ways * sets / 1024;
            switch (file)
            {
                case "level": contents = level.ToString() + "\n"; return true;
                case "size": contents = sizeKb.ToString() + "K\n"; return true;
                case "coherency_line_size": contents = line.ToString() + "\n"; return true;
                case "ways_of_associativity": contents = ways.ToString() + "\n"; return true;
                case "number_of_sets": contents = sets.ToString() + "\n"; return true;
                case "type": contents = type == 1 ? "Data\n" : type == 2 ? "Instruction\n" : "Unified\n"; return true;
            }
            return false;
        }

        /// <summary>CPUID's description of cache index (null type = no such cache).</summary>
        public static bool CacheLeaf(int index, out CpuidResult r)
        {
            r = default;
            if (index < 0 || index > 16) return false;
            CpuidResult vendor = Processor.Cpuid(0);
            bool amd = vendor.Ebx == 0x68747541;   // "Auth"enticAMD
            if (amd)
            {
                if (Processor.Cpuid(0x80000000).Eax < 0x8000001D || (Processor.Cpuid(0x80000001).Ecx & (1u << 22)) == 0) return false;
                r = Processor.Cpuid(0x8000001D, (uint)index);
            }
            else
            {
                if (vendor.Eax < 4) return false;
                r = Processor.Cpuid(4, (uint)index);
            }
            return (r.Eax & 0x1F) != 0;
        }
    }
}
