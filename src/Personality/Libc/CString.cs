namespace Nacre.Personality
{
    /// <summary>NUL-terminated byte strings as the personality's own C# sees them (the exported str* functions build on these).</summary>
    public static unsafe class CString
    {
        public static nuint Length(byte* s)
        {
            byte* p = s;
            while (*p != 0) p++;
            return (nuint)(p - s);
        }

        public static int Compare(byte* a, byte* b)
        {
            while (*a != 0 && *a == *b) { a++; b++; }
            return *a - *b;
        }

        public static bool Equals(byte* a, byte* b) => Compare(a, b) == 0;

        /// <summary>Whether s equals the ASCII text of value.</summary>
        public static bool Equals(byte* s, string value)
        {
            int i = 0;
            for (; i < value.Length; i++)
                if (s[i] != (byte)value[i]) return false;
            return s[i] == 0;
        }

        /// <summary>Whether s begins with the ASCII text of prefix.</summary>
        public static bool StartsWith(byte* s, string prefix)
        {
            for (int i = 0; i < prefix.Length; i++)
                if (s[i] != (byte)prefix[i]) return false;
            return true;
        }

        /// <summary>A managed copy (bytes as Latin-1 characters), or null for a null pointer.</summary>
        public static string ToManaged(byte* s)
        {
            if (s == null) return null;
            int n = (int)Length(s);
            char* chars = stackalloc char[n + 1];
            for (int i = 0; i < n; i++) chars[i] = (char)s[i];
            return new string(chars, 0, n);
        }

        /// <summary>A NUL-terminated copy of value's ASCII text in the kernel heap (never freed: for tables built once).</summary>
        public static byte* FromManaged(string value)
        {
            byte* s = (byte*)Nacre.Memory.Heap.Alloc((nuint)value.Length + 1);
            for (int i = 0; i < value.Length; i++) s[i] = (byte)value[i];
            s[value.Length] = 0;
            return s;
        }
    }
}
