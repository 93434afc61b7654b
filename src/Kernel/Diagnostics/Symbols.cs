using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Diagnostics
{
    /// <summary>
    /// The image's own symbol table (section .nacre_symbols, written by the build's second link):
    /// method names for addresses in panics and type names for exceptions. Layout: uint count,
    /// uint reserved, then count × {ulong address, uint nameOffset, uint size} sorted by address,
    /// then NUL-terminated names (nameOffset is from the section start).
    /// </summary>
    public static unsafe class Symbols
    {
        private struct Entry
        {
            public ulong Address;
            public uint NameOffset;
            public uint Size;
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_symbols_start")]
        private static extern byte* SectionStart();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_symbols_end")]
        private static extern byte* SectionEnd();

        public static int Count
        {
            get
            {
                byte* s = SectionStart();
                return SectionEnd() - s < 8 ? 0 : (int)*(uint*)s;
            }
        }

        /// <summary>Name of the symbol containing address (or null), and the offset into it.</summary>
        public static byte* Find(ulong address, out ulong offset)
        {
            offset = 0;
            byte* s = SectionStart();
            int count = Count;
            Entry* e = (Entry*)(s + 8);
            int lo = 0, hi = count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                if (e[mid].Address <= address) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            if (found < 0) return null;
            ulong size = e[found].Size;
            offset = address - e[found].Address;
            if (size != 0 && offset >= size) return null;
            return s + e[found].NameOffset;
        }

        /// <summary>Name of the symbol at exactly address, or null.</summary>
        public static byte* FindExact(ulong address)
        {
            byte* name = Find(address, out ulong offset);
            return offset == 0 ? name : null;
        }

        // The object's first word is its MethodTable pointer.
        internal static void* MethodTableOf(object o) => **(void***)Unsafe.AsPointer(ref o);

        /// <summary>The type name of an object (from its MethodTable's symbol), or null if unknown.</summary>
        public static byte* TypeNameOf(object o) => o == null ? null : FindExact((ulong)MethodTableOf(o));

        public static string TypeName(object o) => ToString(TypeNameOf(o));

        public static string ToString(byte* cstring)
        {
            if (cstring == null) return null;
            int n = 0;
            while (cstring[n] != 0) n++;
            char* chars = stackalloc char[n];
            for (int i = 0; i < n; i++) chars[i] = (char)cstring[i];
            return new string(chars, 0, n);
        }
    }
}
