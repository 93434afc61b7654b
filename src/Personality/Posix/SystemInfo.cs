using Nacre.Memory;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// What the program learns about the machine and itself: sysconf, sysinfo, resource limits
    /// and usage, uname, and the ids of a process that is alone on its kernel (pid 1, root).
    /// </summary>
    public static unsafe class SystemInfo
    {
        private const int _SC_ARG_MAX = 0, _SC_CHILD_MAX = 1, _SC_CLK_TCK = 2, _SC_NGROUPS_MAX = 3, _SC_OPEN_MAX = 4, _SC_PAGESIZE = 30,
            _SC_NPROCESSORS_CONF = 83, _SC_NPROCESSORS_ONLN = 84, _SC_PHYS_PAGES = 85, _SC_AVPHYS_PAGES = 86, _SC_GETPW_R_SIZE_MAX = 70,
            _SC_GETGR_R_SIZE_MAX = 69, _SC_HOST_NAME_MAX = 180, _SC_LEVEL1_ICACHE_SIZE = 185, _SC_LEVEL1_ICACHE_ASSOC = 186,
            _SC_LEVEL1_ICACHE_LINESIZE = 187, _SC_LEVEL1_DCACHE_SIZE = 188, _SC_LEVEL1_DCACHE_ASSOC = 189, _SC_LEVEL1_DCACHE_LINESIZE = 190,
            _SC_LEVEL2_CACHE_SIZE = 191, _SC_LEVEL2_CACHE_ASSOC = 192, _SC_LEVEL2_CACHE_LINESIZE = 193, _SC_LEVEL3_CACHE_SIZE = 194,
            _SC_LEVEL3_CACHE_ASSOC = 195, _SC_LEVEL3_CACHE_LINESIZE = 196, _SC_LEVEL4_CACHE_SIZE = 197, _SC_MINSIGSTKSZ = 249, _SC_SIGSTKSZ = 250;

        [LibcExport("sysconf", "__sysconf")]
        public static long SysConf(int name)
        {
            switch (name)
            {
                case _SC_ARG_MAX: return 2 * 1024 * 1024;
                case _SC_CHILD_MAX: return 0;
                case _SC_CLK_TCK: return 100;
                case _SC_NGROUPS_MAX: return 65536;
                case _SC_OPEN_MAX: return FileTable.MaxFiles;
                case _SC_PAGESIZE: return 4096;
                case _SC_NPROCESSORS_CONF: case _SC_NPROCESSORS_ONLN: return Nacre.Cpus.Cpus.Count;
                case _SC_PHYS_PAGES: return (long)(PageAllocator.TotalBytes / 4096);
                case _SC_AVPHYS_PAGES: return (long)(PageAllocator.FreeBytes / 4096);
                case _SC_GETPW_R_SIZE_MAX: case _SC_GETGR_R_SIZE_MAX: return 1024;
                case _SC_HOST_NAME_MAX: return 64;
                case _SC_MINSIGSTKSZ: return 2048;
                case _SC_SIGSTKSZ: return 8192;
            }
            if (name >= _SC_LEVEL1_ICACHE_SIZE && name <= _SC_LEVEL4_CACHE_SIZE) return Cache(name);
            Errno.Value = Errno.EINVAL;
            return -1;
        }

        // The _SC_LEVELn_* values from CPUID's cache descriptions (0 when there is no such cache).
        private static long Cache(int name)
        {
            int level, what;   // what: 0 size, 1 associativity, 2 line size
            bool instruction = false;
            switch (name)
            {
                case _SC_LEVEL1_ICACHE_SIZE: level = 1; what = 0; instruction = true; break;
                case _SC_LEVEL1_ICACHE_ASSOC: level = 1; what = 1; instruction = true; break;
                case _SC_LEVEL1_ICACHE_LINESIZE: level = 1; what = 2; instruction = true; break;
                case _SC_LEVEL1_DCACHE_SIZE: level = 1; what = 0; break;
                case _SC_LEVEL1_DCACHE_ASSOC: level = 1; what = 1; break;
                case _SC_LEVEL1_DCACHE_LINESIZE: level = 1; what = 2; break;
                case _SC_LEVEL2_CACHE_SIZE: level = 2; what = 0; break;
                case _SC_LEVEL2_CACHE_ASSOC: level = 2; what = 1; break;
                case _SC_LEVEL2_CACHE_LINESIZE: level = 2; what = 2; break;
                case _SC_LEVEL3_CACHE_SIZE: level = 3; what = 0; break;
                case _SC_LEVEL3_CACHE_ASSOC: level = 3; what = 1; break;
                case _SC_LEVEL3_CACHE_LINESIZE: level = 3; what = 2; break;
                default: level = 4; what = 0; break;
            }
            for (int index = 0; index < 16; index++)
            {
                if (!SyntheticFiles.CacheLeaf(index, out var r)) break;
                uint type = r.Eax & 0x1F, l = (r.Eax >> 5) & 7;
                if (l != level || (instruction ? type != 2 : type == 2)) continue;
                ulong line = (r.Ebx & 0xFFF) + 1, partitions = ((r.Ebx >> 12) & 0x3FF) + 1, ways = (r.Ebx >> 22) + 1, sets = (ulong)r.Ecx + 1;
                return what == 0 ? (long)(line * partitions * ways * sets) : what == 1 ? (long)ways : (long)line;
            }
            return 0;
        }

        /// <summary>sysinfo: uptime, memory (total and free from the page allocator), one process.</summary>
        [LibcExport("sysinfo")]
        public static int SysInfo(byte* info)
        {
            SignalContext.Clear(info, 112);
            *(long*)(info + 0) = (long)(Nacre.Timing.Time.NowNs / 1_000_000_000);
            *(ulong*)(info + 32) = PageAllocator.TotalBytes;
            *(ulong*)(info + 40) = PageAllocator.FreeBytes;
            *(ushort*)(info + 80) = (ushort)LiveThreads.Count;
            *(uint*)(info + 104) = 1;   // mem_unit
            return 0;
        }

        private const int RLIMIT_CPU = 0, RLIMIT_FSIZE = 1, RLIMIT_DATA = 2, RLIMIT_STACK = 3, RLIMIT_CORE = 4, RLIMIT_NOFILE = 7, RLIMIT_AS = 9;
        private const ulong Infinity = ulong.MaxValue;

        [LibcExport("getrlimit", "getrlimit64")]
        public static int GetRLimit(int resource, ulong* limit)
        {
            ulong value;
            switch (resource)
            {
                case RLIMIT_STACK: value = 8 * 1024 * 1024; break;
                case RLIMIT_NOFILE: value = FileTable.MaxFiles; break;
                case RLIMIT_CORE: value = 0; break;
                default:
                    if (resource < 0 || resource > 15) return Errno.Fail(Errno.EINVAL);
                    value = Infinity;
                    break;
            }
            limit[0] = value;
            limit[1] = resource == RLIMIT_STACK || resource == RLIMIT_CORE ? Infinity : value;
            return 0;
        }

        [LibcExport("setrlimit", "setrlimit64")]
        public static int SetRLimit(int resource, ulong* limit) => resource < 0 || resource > 15 ? Errno.Fail(Errno.EINVAL) : 0;

        [LibcExport("prlimit", "prlimit64")]
        public static int PrLimit(int pid, int resource, ulong* newLimit, ulong* oldLimit) => oldLimit != null ? GetRLimit(resource, oldLimit) : 0;

        /// <summary>getrusage: user time = monotonic time since boot (every thread owns its CPU), no page faults or swaps.</summary>
        [LibcExport("getrusage")]
        public static int GetRUsage(int who, byte* usage)
        {
            SignalContext.Clear(usage, 144);
            ulong ns = Nacre.Timing.Time.NowNs;
            *(long*)(usage + 0) = (long)(ns / 1_000_000_000);
            *(long*)(usage + 8) = (long)(ns % 1_000_000_000 / 1000);
            *(long*)(usage + 32) = (long)(AddressSpace.CommittedBytes / 1024);   // ru_maxrss in KiB
            return 0;
        }

        [LibcExport("uname")]
        public static int Uname(byte* buffer)
        {
            SignalContext.Clear(buffer, 390);
            Put(buffer + 0, "Nacre");
            Put(buffer + 65, "nacre");
            Put(buffer + 130, "1.0");
            Put(buffer + 195, "Aerokernel");
            Put(buffer + 260, "x86_64");
            return 0;
        }

        private static void Put(byte* field, string text)
        {
            for (int i = 0; i < text.Length; i++) field[i] = (byte)text[i];
            field[text.Length] = 0;
        }

        [LibcExport("gethostname")]
        public static int GetHostName(byte* name, ulong length)
        {
            const string Host = "nacre";
            if (length <= (ulong)Host.Length) return Errno.Fail(Errno.ENAMETOOLONG);
            Put(name, Host);
            return 0;
        }

        [LibcExport("getpid", "getppid", "getpgrp", "getsid", "getpgid")]
        public static int GetPid() => Libc.ProcessStart.ProcessId;

        [LibcExport("getuid", "geteuid", "getgid", "getegid")]
        public static int GetUid() => 0;

        [LibcExport("getgrouplist")]
        public static int GetGroupList(byte* user, uint group, uint* groups, int* count)
        {
            if (*count < 1) { *count = 1; return -1; }
            groups[0] = group;
            *count = 1;
            return 1;
        }

        [LibcExport("setgroups")]
        public static int SetGroups(ulong size, uint* list) => Errno.Fail(Errno.EPERM);

        [LibcExport("getgroups")]
        public static int GetGroups(int size, uint* list) => 0;

        /// <summary>getpwuid_r: there is no password database; the entry is not found (0 and *result = null).</summary>
        [LibcExport("getpwuid_r", "getpwnam_r", "getgrgid_r", "getgrnam_r")]
        public static int GetPasswordEntry(ulong key, void* entry, byte* buffer, ulong size, void** result)
        {
            *result = null;
            return 0;
        }

        [LibcExport("prctl")]
        public static int PrCtl(int option, ulong a2, ulong a3, ulong a4, ulong a5)
        {
            const int PR_SET_NAME = 15, PR_GET_NAME = 16, PR_SET_DUMPABLE = 4, PR_GET_DUMPABLE = 3, PR_SET_PTRACER = 0x59616d61;
            PosixThread* self = ThreadControlBlock.CurrentThread;
            switch (option)
            {
                case PR_SET_NAME: return self == null ? 0 : Pthreads.SetName(self, (byte*)a2) == 0 ? 0 : Errno.Fail(Errno.EINVAL);
                case PR_GET_NAME: if (self != null) Pthreads.GetName(self, (byte*)a2, 16); return 0;
                case PR_SET_DUMPABLE: case PR_SET_PTRACER: return 0;
                case PR_GET_DUMPABLE: return 0;
            }
            return Errno.Fail(Errno.EINVAL);
        }
    }
}
