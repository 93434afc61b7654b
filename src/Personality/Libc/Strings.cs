namespace Nacre.Personality.Libc
{
    /// <summary>
    /// string.h and strings.h. memcpy, memmove and memset are assembly (rep movsb/stosb, the
    /// fastest general copy on current x86 and what glibc's ERMS variants use) in personality.S;
    /// everything else is here.
    /// </summary>
    public static unsafe class Strings
    {
        /// <summary>A forward copy for the personality's own use (non-overlapping).</summary>
        public static void Copy(byte* dest, byte* source, ulong n)
        {
            ulong i = 0;
            for (; i + 8 <= n; i += 8) *(ulong*)(dest + i) = *(ulong*)(source + i);
            for (; i < n; i++) dest[i] = source[i];
        }

        [LibcExport("memcmp", "bcmp")]
        public static int MemCompare(byte* a, byte* b, ulong n)
        {
            for (ulong i = 0; i < n; i++)
                if (a[i] != b[i]) return a[i] - b[i];
            return 0;
        }

        [LibcExport("memchr")]
        public static byte* MemChr(byte* s, int c, ulong n)
        {
            for (ulong i = 0; i < n; i++) if (s[i] == (byte)c) return s + i;
            return null;
        }

        [LibcExport("memrchr")]
        public static byte* MemRChr(byte* s, int c, ulong n)
        {
            for (ulong i = n; i > 0; i--) if (s[i - 1] == (byte)c) return s + i - 1;
            return null;
        }

        [LibcExport("strlen")]
        public static ulong StrLen(byte* s) => (ulong)CString.Length(s);

        [LibcExport("strnlen")]
        public static ulong StrNLen(byte* s, ulong max)
        {
            ulong n = 0;
            while (n < max && s[n] != 0) n++;
            return n;
        }

        [LibcExport("strcmp")]
        public static int StrCmp(byte* a, byte* b) => CString.Compare(a, b);

        [LibcExport("strncmp")]
        public static int StrNCmp(byte* a, byte* b, ulong n)
        {
            for (ulong i = 0; i < n; i++)
            {
                if (a[i] != b[i]) return a[i] - b[i];
                if (a[i] == 0) return 0;
            }
            return 0;
        }

        [LibcExport("strcoll")]
        public static int StrColl(byte* a, byte* b) => CString.Compare(a, b);

        private static int Lower(int c) => c >= 'A' && c <= 'Z' ? c + 32 : c;

        [LibcExport("strcasecmp")]
        public static int StrCaseCmp(byte* a, byte* b)
        {
            while (*a != 0 && Lower(*a) == Lower(*b)) { a++; b++; }
            return Lower(*a) - Lower(*b);
        }

        [LibcExport("strncasecmp")]
        public static int StrNCaseCmp(byte* a, byte* b, ulong n)
        {
            for (ulong i = 0; i < n; i++)
            {
                int d = Lower(a[i]) - Lower(b[i]);
                if (d != 0 || a[i] == 0) return d;
            }
            return 0;
        }

        [LibcExport("strcpy")]
        public static byte* StrCpy(byte* dest, byte* source)
        {
            ulong i = 0;
            do dest[i] = source[i]; while (source[i++] != 0);
            return dest;
        }

        [LibcExport("stpcpy")]
        public static byte* StpCpy(byte* dest, byte* source)
        {
            while ((*dest = *source) != 0) { dest++; source++; }
            return dest;
        }

        [LibcExport("strncpy")]
        public static byte* StrNCpy(byte* dest, byte* source, ulong n)
        {
            ulong i = 0;
            for (; i < n && source[i] != 0; i++) dest[i] = source[i];
            for (; i < n; i++) dest[i] = 0;
            return dest;
        }

        [LibcExport("strcat")]
        public static byte* StrCat(byte* dest, byte* source)
        {
            StrCpy(dest + CString.Length(dest), source);
            return dest;
        }

        [LibcExport("strncat")]
        public static byte* StrNCat(byte* dest, byte* source, ulong n)
        {
            byte* d = dest + CString.Length(dest);
            ulong i = 0;
            for (; i < n && source[i] != 0; i++) d[i] = source[i];
            d[i] = 0;
            return dest;
        }

        [LibcExport("strchr", "index")]
        public static byte* StrChr(byte* s, int c)
        {
            for (; ; s++)
            {
                if (*s == (byte)c) return s;
                if (*s == 0) return null;
            }
        }

        [LibcExport("strchrnul")]
        public static byte* StrChrNul(byte* s, int c)
        {
            while (*s != 0 && *s != (byte)c) s++;
            return s;
        }

        [LibcExport("strrchr", "rindex")]
        public static byte* StrRChr(byte* s, int c)
        {
            byte* found = null;
            for (; ; s++)
            {
                if (*s == (byte)c) found = s;
                if (*s == 0) return found;
            }
        }

        [LibcExport("strstr")]
        public static byte* StrStr(byte* haystack, byte* needle)
        {
            if (*needle == 0) return haystack;
            for (; *haystack != 0; haystack++)
            {
                ulong i = 0;
                while (needle[i] != 0 && haystack[i] == needle[i]) i++;
                if (needle[i] == 0) return haystack;
            }
            return null;
        }

        [LibcExport("strspn")]
        public static ulong StrSpn(byte* s, byte* accept)
        {
            ulong n = 0;
            while (s[n] != 0 && StrChr(accept, s[n]) != null) n++;
            return n;
        }

        [LibcExport("strcspn")]
        public static ulong StrCSpn(byte* s, byte* reject)
        {
            ulong n = 0;
            while (s[n] != 0 && StrChr(reject, s[n]) == null) n++;
            return n;
        }

        [LibcExport("strpbrk")]
        public static byte* StrPBrk(byte* s, byte* accept)
        {
            for (; *s != 0; s++) if (StrChr(accept, *s) != null) return s;
            return null;
        }

        [LibcExport("strtok_r", "__strtok_r")]
        public static byte* StrTokR(byte* s, byte* delimiters, byte** save)
        {
            if (s == null) s = *save;
            if (s == null) return null;
            s += StrSpn(s, delimiters);
            if (*s == 0) { *save = s; return null; }
            byte* end = s + StrCSpn(s, delimiters);
            if (*end != 0) { *end = 0; *save = end + 1; }
            else *save = end;
            return s;
        }

        private static byte* s_strtokState;

        [LibcExport("strtok")]
        public static byte* StrTok(byte* s, byte* delimiters)
        {
            fixed (byte** state = &s_strtokState) return StrTokR(s, delimiters, state);
        }

        [LibcExport("strdup")]
        public static byte* StrDup(byte* s) => StrNDup(s, ulong.MaxValue);

        [LibcExport("strndup")]
        public static byte* StrNDup(byte* s, ulong n)
        {
            ulong length = StrNLen(s, n);
            byte* copy = (byte*)Malloc.Allocate(length + 1);
            if (copy == null) return null;
            Copy(copy, s, length);
            copy[length] = 0;
            return copy;
        }

        [LibcExport("bzero", "explicit_bzero")]
        public static void BZero(byte* s, ulong n)
        {
            for (ulong i = 0; i < n; i++) s[i] = 0;
        }
    }
}
