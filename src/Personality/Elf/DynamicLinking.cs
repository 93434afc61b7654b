using Nacre.Personality.Posix;

namespace Nacre.Personality.Elf
{
    /// <summary>
    /// The dynamic linker's functions a program calls: dl_iterate_phdr (the runtime's unwinder
    /// finds every object's .eh_frame_hdr through it), dladdr, __tls_get_addr, and dlopen/dlsym
    /// over what is already loaded — a library cannot be loaded later (there is no file system
    /// to load it from), which dlopen reports through dlerror.
    /// </summary>
    public static unsafe class DynamicLinking
    {
        private static byte* s_error;
        private static byte* s_errorText = CString.FromManaged("");

        /// <summary>struct dl_phdr_info, 64 bytes.</summary>
        public struct PhdrInfo
        {
            public ulong Address;
            public byte* Name;
            public ProgramHeader* Headers;
            public ushort HeaderCount;
            public ulong Adds, Subs;
            public ulong TlsModuleId;
            public void* TlsData;
        }

        [LibcExport("dl_iterate_phdr")]
        public static int IteratePhdr(delegate* unmanaged[Cdecl, SuppressGCTransition]<PhdrInfo*, ulong, void*, int> callback, void* data)
        {
            var objects = Linker.Objects;
            for (int i = 0; i < objects.Count; i++)
            {
                ElfObject o = objects[i];
                PhdrInfo info;
                info.Address = o.Bias;
                info.Name = i == 0 ? Empty : o.NameC;   // the program is "" as with glibc
                info.Headers = o.ProgramHeaders;
                info.HeaderCount = (ushort)o.ProgramHeaderCount;
                info.Adds = (ulong)objects.Count;
                info.Subs = 0;
                info.TlsModuleId = (ulong)o.TlsModuleId;
                info.TlsData = o.TlsModuleId == 0 ? null : (void*)(Nacre.Threads.Thread.Current->ThreadPointer - o.TlsOffset);
                int r = callback(&info, (ulong)sizeof(PhdrInfo), data);
                if (r != 0) return r;
            }
            return 0;
        }

        private static readonly byte* Empty = CString.FromManaged("");

        /// <summary>Dl_info: file name, base, nearest exported symbol and its address.</summary>
        [LibcExport("dladdr", "dladdr1")]
        public static int AddressInfo(ulong address, ulong* info)
        {
            ElfObject o = Linker.ObjectAt(address);
            if (o == null) return 0;
            info[0] = (ulong)o.NameC;
            info[1] = o.MapStart;
            ElfSymbol* s = o.SymbolAt(address);
            info[2] = s == null ? 0 : (ulong)o.SymbolName(s);
            info[3] = s == null ? 0 : s->Value + o.Bias;
            return 1;
        }

        /// <summary>__tls_get_addr({module, offset}): the calling thread's address of that TLS variable (all TLS is static here).</summary>
        [LibcExport("__tls_get_addr")]
        public static void* TlsGetAddress(ulong* index) =>
            (void*)(Nacre.Threads.Thread.Current->ThreadPointer - StaticTls.OffsetOf((int)index[0]) + index[1]);

        // dlopen handles: the ElfObject's index + 1; RTLD_DEFAULT (0) and dlopen(NULL) mean the global scope.
        private const ulong GlobalHandle = ulong.MaxValue - 1;

        [LibcExport("dlopen")]
        public static void* Open(byte* name, int flags)
        {
            if (name == null) return (void*)GlobalHandle;
            string wanted = CString.ToManaged(name);
            int slash = wanted.LastIndexOf('/');
            string file = slash >= 0 ? wanted.Substring(slash + 1) : wanted;
            var objects = Linker.Objects;
            for (int i = 0; i < objects.Count; i++)
                if (objects[i].Name == file) return (void*)(ulong)(i + 1);
            SetError(wanted + ": cannot open shared object file: libraries cannot be loaded at run time here (pass it as a module)");
            return null;
        }

        [LibcExport("dlsym", "dlvsym")]
        public static void* Symbol(void* handle, byte* name)
        {
            ulong h = (ulong)handle;
            var objects = Linker.Objects;
            if (h == 0 || h == GlobalHandle)
            {
                foreach (var o in objects)
                {
                    ElfSymbol* s = o.FindDefinition(name, null);
                    if (s != null) return (void*)(s->Value + o.Bias);
                }
                ulong p = PersonalitySymbols.Lookup(name);
                if (p != 0) return (void*)p;
            }
            else if (h <= (ulong)objects.Count)
            {
                ElfObject o = objects[(int)h - 1];
                ElfSymbol* s = o.FindDefinition(name, null);
                if (s != null) return (void*)(s->Value + o.Bias);
            }
            SetError("undefined symbol: " + CString.ToManaged(name));
            return null;
        }

        [LibcExport("dlclose")]
        public static int Close(void* handle) => 0;

        [LibcExport("dlerror")]
        public static byte* Error()
        {
            byte* e = s_error;
            s_error = null;
            return e;
        }

        private static void SetError(string message)
        {
            byte* old = s_errorText;
            s_errorText = CString.FromManaged(message);
            Nacre.Memory.Heap.Free(old);
            s_error = s_errorText;
        }
    }
}
