using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Personality.Posix;

namespace Nacre.Personality.Elf
{
    /// <summary>
    /// What the personality exports to loaded programs, by C name: the [LibcExport] methods (the
    /// generated LibcExportTable), the assembly routines of arch/x64/personality.S (variadic
    /// functions and other shims, listed in its own table), and data objects (stdin/stdout/stderr,
    /// environ, _rtld_global_ro). Sorted once at start-up; lookups are binary searches.
    /// </summary>
    public static unsafe class PersonalitySymbols
    {
        private struct Entry { public byte* Name; public ulong Address; }

        private static Entry* s_entries;
        private static int s_count, s_capacity;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "personality_asm_exports")]
        private static extern ulong* AsmExports();

        /// <summary>Builds the table from the generated and assembly exports; data objects are added by their owners.</summary>
        public static void Initialize()
        {
            s_capacity = Generated.LibcExportTable.Count + 64;
            s_entries = (Entry*)Nacre.Memory.Heap.Alloc((nuint)(s_capacity * sizeof(Entry)));
            Generated.LibcExportTable.Enumerate(&AddManaged);
            for (ulong* e = AsmExports(); e[0] != 0; e += 2) Append((byte*)e[0], e[1]);
            Sort();
        }

        private static void AddManaged(string name, nint address) => Append(CString.FromManaged(name), (ulong)address);

        /// <summary>Adds an export (before the program is linked), e.g. a data object's address.</summary>
        public static void Add(byte* name, ulong address)
        {
            Append(name, address);
            Sort();
        }

        private static void Append(byte* name, ulong address)
        {
            if (s_count == s_capacity)
            {
                int capacity = s_capacity * 2;
                var bigger = (Entry*)Nacre.Memory.Heap.Alloc((nuint)(capacity * sizeof(Entry)));
                for (int i = 0; i < s_count; i++) bigger[i] = s_entries[i];
                s_entries = bigger;
                s_capacity = capacity;
            }
            s_entries[s_count++] = new Entry { Name = name, Address = address };
        }

        public static void Add(string name, ulong address) => Add(CString.FromManaged(name), address);

        // Insertion sort: the table is built once, nearly in order (the generated part is sorted).
        private static void Sort()
        {
            for (int i = 1; i < s_count; i++)
            {
                Entry e = s_entries[i];
                int j = i - 1;
                while (j >= 0 && CString.Compare(s_entries[j].Name, e.Name) > 0) { s_entries[j + 1] = s_entries[j]; j--; }
                s_entries[j + 1] = e;
            }
        }

        /// <summary>The address of the export named name, or 0.</summary>
        public static ulong Lookup(byte* name)
        {
            int lo = 0, hi = s_count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                int c = CString.Compare(s_entries[mid].Name, name);
                if (c == 0) return s_entries[mid].Address;
                if (c < 0) lo = mid + 1; else hi = mid - 1;
            }
            return 0;
        }

        public static ulong Lookup(string name)
        {
            byte* s = stackalloc byte[name.Length + 1];
            for (int i = 0; i < name.Length; i++) s[i] = (byte)name[i];
            s[name.Length] = 0;
            return Lookup(s);
        }

        /// <summary>
        /// The personality's thread-locals that programs may reach as initial-exec TLS: their offset
        /// from the thread pointer, or long.MinValue for any other name. Only errno (glibc's libm
        /// sets it through a TPOFF relocation).
        /// </summary>
        public static long ThreadLocalOffset(byte* name) =>
            CString.Equals(name, "errno") ? ThreadControlBlock.ErrnoOffset : long.MinValue;

        /// <summary>How many exports there are (for docs/dotnet.md's check and diagnostics).</summary>
        public static int Count => s_count;

        public static byte* NameAt(int i) => s_entries[i].Name;
    }
}
