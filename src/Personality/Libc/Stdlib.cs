using System.Threading;

namespace Nacre.Personality.Libc
{
    /// <summary>stdlib.h: number parsing (strto*, ato*), sorting and searching, pseudo-random numbers, abs.</summary>
    public static unsafe class Stdlib
    {
        private static bool IsSpace(byte c) => c == ' ' || (c >= '\t' && c <= '\r');

        private static int DigitValue(byte c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;

        /// <summary>
        /// The common core of strtol & co: whitespace, sign, base prefix (0x, 0), digits; the
        /// magnitude saturates at limit (ERANGE). *end gets the first unparsed byte (the start
        /// when there were no digits).
        /// </summary>
        public static ulong Parse(byte* s, byte** end, int radix, ulong limit, out bool negative, out bool overflow)
        {
            negative = false;
            overflow = false;
            byte* p = s;
            while (IsSpace(*p)) p++;
            if (*p == (byte)'+' || *p == (byte)'-') { negative = *p == (byte)'-'; p++; }
            if ((radix == 0 || radix == 16) && p[0] == (byte)'0' && (p[1] | 0x20) == (byte)'x' && DigitValue(p[2]) < 16) { p += 2; radix = 16; }
            else if (radix == 0) radix = p[0] == (byte)'0' ? 8 : 10;
            if (radix < 2 || radix > 36) { if (end != null) *end = s; Errno.Value = Errno.EINVAL; return 0; }
            ulong value = 0;
            byte* digits = p;
            for (int d; (d = DigitValue(*p)) < radix; p++)
            {
                if (overflow) continue;
                if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix) { overflow = true; continue; }
                value = value * (ulong)radix + (ulong)d;
            }
            if (p == digits) { if (end != null) *end = s; negative = false; return 0; }
            if (end != null) *end = p;
            if (value > limit) overflow = true;
            return overflow ? limit : value;
        }

        [LibcExport("strtol", "strtoll", "strtoq", "strtoimax", "__isoc23_strtol", "__isoc23_strtoll")]
        public static long StrToL(byte* s, byte** end, int radix)
        {
            ulong m = Parse(s, end, radix, long.MaxValue + 1UL, out bool negative, out bool overflow);
            if (!negative && m > long.MaxValue) { Errno.Value = Errno.ERANGE; return long.MaxValue; }
            if (overflow) { Errno.Value = Errno.ERANGE; return negative ? long.MinValue : long.MaxValue; }
            return negative ? (long)(0 - m) : (long)m;
        }

        [LibcExport("strtoul", "strtoull", "strtouq", "strtoumax", "__isoc23_strtoul", "__isoc23_strtoull")]
        public static ulong StrToUL(byte* s, byte** end, int radix)
        {
            ulong m = Parse(s, end, radix, ulong.MaxValue, out bool negative, out bool overflow);
            if (overflow) { Errno.Value = Errno.ERANGE; return ulong.MaxValue; }
            return negative ? 0 - m : m;
        }

        [LibcExport("atoi")]
        public static int AToI(byte* s) => (int)StrToL(s, null, 10);

        [LibcExport("atol", "atoll")]
        public static long AToL(byte* s) => StrToL(s, null, 10);

        [LibcExport("strtod", "__isoc23_strtod")]
        public static double StrToD(byte* s, byte** end) => FloatParser.Parse(s, end);

        [LibcExport("strtof")]
        public static float StrToF(byte* s, byte** end) => (float)FloatParser.Parse(s, end);

        [LibcExport("atof")]
        public static double AToF(byte* s) => FloatParser.Parse(s, null);

        [LibcExport("abs")]
        public static int Abs(int v) => v < 0 ? -v : v;

        [LibcExport("labs", "llabs", "imaxabs")]
        public static long LAbs(long v) => v < 0 ? -v : v;

        /// <summary>qsort: a heap sort (in place, no allocation, O(n log n) worst case). Not stable, like glibc's when it cannot allocate.</summary>
        [LibcExport("qsort")]
        public static void QSort(byte* base_, ulong count, ulong size, delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, int> compare) =>
            QSortR(base_, count, size, compare, null, false);

        [LibcExport("qsort_r")]
        public static void QSortWithArgument(byte* base_, ulong count, ulong size, delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, void*, int> compare, void* argument) =>
            QSortR(base_, count, size, (delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, int>)compare, argument, true);

        private static int Compare(delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, int> compare, void* argument, bool withArgument, byte* a, byte* b) =>
            withArgument ? ((delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, void*, int>)compare)(a, b, argument) : compare(a, b);

        private static void QSortR(byte* a, ulong n, ulong size, delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, int> compare, void* argument, bool withArgument)
        {
            if (n < 2) return;
            for (ulong start = n / 2; start-- > 0;) SiftDown(a, start, n, size, compare, argument, withArgument);
            for (ulong end = n - 1; end > 0; end--)
            {
                Swap(a, a + end * size, size);
                SiftDown(a, 0, end, size, compare, argument, withArgument);
            }
        }

        private static void SiftDown(byte* a, ulong root, ulong n, ulong size, delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, int> compare, void* argument, bool withArgument)
        {
            while (true)
            {
                ulong child = 2 * root + 1;
                if (child >= n) return;
                if (child + 1 < n && Compare(compare, argument, withArgument, a + child * size, a + (child + 1) * size) < 0) child++;
                if (Compare(compare, argument, withArgument, a + root * size, a + child * size) >= 0) return;
                Swap(a + root * size, a + child * size, size);
                root = child;
            }
        }

        private static void Swap(byte* x, byte* y, ulong size)
        {
            for (ulong i = 0; i < size; i++) { byte t = x[i]; x[i] = y[i]; y[i] = t; }
        }

        [LibcExport("bsearch")]
        public static void* BSearch(void* key, byte* base_, ulong count, ulong size, delegate* unmanaged[Cdecl, SuppressGCTransition]<void*, void*, int> compare)
        {
            ulong lo = 0, hi = count;
            while (lo < hi)
            {
                ulong mid = (lo + hi) / 2;
                int c = compare(key, base_ + mid * size);
                if (c == 0) return base_ + mid * size;
                if (c < 0) hi = mid; else lo = mid + 1;
            }
            return null;
        }

        // rand/srand: glibc's TYPE_0-free default is an additive generator; programs that print
        // rand() values differ anyway, so a simple LCG of the same range is enough.
        private static uint s_rand = 1;

        [LibcExport("rand", "random")]
        public static int Rand()
        {
            uint next = s_rand * 1103515245u + 12345u;
            s_rand = next;
            return (int)((next >> 1) & 0x7FFFFFFF);
        }

        [LibcExport("srand", "srandom")]
        public static void SRand(uint seed) => s_rand = seed;

        [LibcExport("rand_r")]
        public static int RandR(uint* state)
        {
            *state = *state * 1103515245u + 12345u;
            return (int)((*state >> 1) & 0x7FFFFFFF);
        }

        // The 48-bit family, exactly as POSIX defines it: X(n+1) = (a·X(n) + c) mod 2^48.
        private static long s_x48 = 0x1234ABCD330E;
        private const ulong A48 = 0x5DEECE66D, C48 = 0xB, Mask48 = (1UL << 48) - 1;

        private static ulong Next48()
        {
            while (true)
            {
                long x = Volatile.Read(ref s_x48);
                long next = (long)(((ulong)x * A48 + C48) & Mask48);
                if (Interlocked.CompareExchange(ref s_x48, next, x) == x) return (ulong)next;
            }
        }

        [LibcExport("srand48")]
        public static void SRand48(long seed) => Volatile.Write(ref s_x48, (long)((((ulong)seed & 0xFFFFFFFF) << 16) | 0x330E));

        [LibcExport("lrand48")]
        public static long LRand48() => (long)(Next48() >> 17);

        [LibcExport("mrand48")]
        public static long MRand48() => (int)(Next48() >> 16);

        [LibcExport("drand48")]
        public static double DRand48() => (double)Next48() / (double)(1UL << 48);
    }
}
