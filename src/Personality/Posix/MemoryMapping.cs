namespace Nacre.Personality.Posix
{
    /// <summary>mmap and friends over AddressSpace: anonymous private memory only.</summary>
    public static unsafe class MemoryMapping
    {
        private const int MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_FIXED_NOREPLACE = 0x100000;
        private const int MADV_NORMAL = 0, MADV_RANDOM = 1, MADV_SEQUENTIAL = 2, MADV_WILLNEED = 3, MADV_DONTNEED = 4, MADV_FREE = 8;
        private static readonly void* MapFailed = (void*)ulong.MaxValue;

        /// <summary>mmap: MAP_ANONYMOUS only (file mappings fail with ENODEV: the personality has no file system to map).</summary>
        [LibcExport("mmap", "mmap64")]
        public static void* Map(void* address, ulong length, int prot, int flags, int fd, long offset)
        {
            if ((flags & MAP_ANONYMOUS) == 0) { Errno.Value = fd < 0 || FileTable.Get(fd) == null ? Errno.EBADF : Errno.ENODEV; return MapFailed; }
            if ((flags & (MAP_SHARED | MAP_PRIVATE)) == 0) { Errno.Value = Errno.EINVAL; return MapFailed; }
            bool fixedAddress = (flags & MAP_FIXED) != 0;
            if ((flags & MAP_FIXED_NOREPLACE) != 0)
            {
                if (AddressSpace.ProtectionAt((ulong)address) >= 0) { Errno.Value = Errno.EEXIST; return MapFailed; }
                fixedAddress = true;
            }
            ulong at = AddressSpace.Map((ulong)address, length, prot & 7, fixedAddress, out int errno);
            if (at == 0) { Errno.Value = errno; return MapFailed; }
            return (void*)at;
        }

        [LibcExport("munmap")]
        public static int Unmap(void* address, ulong length)
        {
            int r = AddressSpace.Unmap((ulong)address, length);
            return r == 0 ? 0 : Errno.Fail(r);
        }

        [LibcExport("mprotect")]
        public static int Protect(void* address, ulong length, int prot)
        {
            int r = AddressSpace.Protect((ulong)address, length, prot & 7);
            return r == 0 ? 0 : Errno.Fail(r);
        }

        /// <summary>madvise: DONTNEED and FREE zero the pages (private anonymous memory reads as zero afterwards); the hints are accepted.</summary>
        [LibcExport("madvise", "posix_madvise")]
        public static int Advise(void* address, ulong length, int advice)
        {
            if (advice == MADV_DONTNEED || advice == MADV_FREE)
            {
                int r = AddressSpace.Discard((ulong)address, length);
                return r == 0 ? 0 : Errno.Fail(r);
            }
            return ((ulong)address & (AddressSpace.PageSize - 1)) != 0 ? Errno.Fail(Errno.EINVAL) : 0;
        }

        /// <summary>mlock and friends: every page is resident already (nothing is ever swapped).</summary>
        [LibcExport("mlock", "munlock", "mlock2")]
        public static int Lock(void* address, ulong length) => 0;

        [LibcExport("mlockall", "munlockall")]
        public static int LockAll(int flags) => 0;

        [LibcExport("msync")]
        public static int Sync(void* address, ulong length, int flags) => 0;

        /// <summary>brk/sbrk: there is no program break (malloc does not need one here).</summary>
        [LibcExport("brk")]
        public static int Brk(void* end) => Errno.Fail(Errno.ENOMEM);

        [LibcExport("sbrk")]
        public static void* SBrk(long increment) { Errno.Value = Errno.ENOMEM; return MapFailed; }
    }
}
