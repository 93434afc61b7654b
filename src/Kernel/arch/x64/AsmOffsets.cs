using System.Runtime;
using System.Runtime.CompilerServices;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// The offsets the assembly uses into C# structs (structoffsets.h), as assembled into
    /// asmoffsets.S's table, for the test that compares each with the struct's real layout.
    /// </summary>
    public static unsafe class AsmOffsets
    {
        public struct Entry
        {
            /// <summary>The #define's name, NUL-terminated ASCII; null ends the table.</summary>
            public byte* Name;
            public ulong Value;
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_asm_offsets")]
        private static extern Entry* Table();

        public static int Count
        {
            get
            {
                Entry* e = Table();
                int n = 0;
                while (e[n].Name != null) n++;
                return n;
            }
        }

        public static Entry At(int index) => Table()[index];

        /// <summary>Entry index's name as a string.</summary>
        public static string NameAt(int index)
        {
            byte* name = Table()[index].Name;
            int length = 0;
            while (name[length] != 0) length++;
            char* chars = stackalloc char[length];
            for (int i = 0; i < length; i++) chars[i] = (char)name[i];
            return new string(chars, 0, length);
        }
    }
}
