using System.Runtime;
using Nacre.Devices;

namespace Nacre.Personality.Libc
{
    /// <summary>The small pieces of glibc programs expect: errno's location, stack-protector and fortify failures, assertions, locale queries, libm's helpers.</summary>
    public static unsafe class Misc
    {
        [LibcExport("__errno_location")]
        public static int* ErrnoLocation() => Errno.Location;

        [LibcExport("__stack_chk_fail", "__stack_chk_fail_local")]
        public static void StackCheckFail() => Fatal("stack smashing detected (the stack protector's canary was overwritten)");

        [LibcExport("__chk_fail", "__fortify_fail")]
        public static void CheckFail() => Fatal("buffer overflow detected (a fortified libc call)");

        [RuntimeExport("personality_buffer_overflow")]
        public static void BufferOverflow() => CheckFail();

        [LibcExport("__assert_fail")]
        public static void AssertFail(byte* assertion, byte* file, uint line, byte* function)
        {
            KernelConsole.WriteAscii("nacre: assertion failed: ");
            KernelConsole.WriteCString(assertion);
            KernelConsole.WriteAscii(" (");
            KernelConsole.WriteCString(file);
            KernelConsole.WriteAscii(":");
            KernelConsole.WriteDecimal(line);
            KernelConsole.WriteAscii(")\n");
            Exit.Abort();
        }

        private static void Fatal(string message)
        {
            KernelConsole.WriteAscii("nacre: ");
            KernelConsole.WriteAscii(message);
            KernelConsole.WriteAscii("\n");
            Exit.Abort();
        }

        private static readonly byte* s_cLocale = CString.FromManaged("C");
        private static readonly byte* s_utf8 = CString.FromManaged("UTF-8");

        /// <summary>setlocale: only the C locale (with UTF-8 text) exists.</summary>
        [LibcExport("setlocale")]
        public static byte* SetLocale(int category, byte* locale)
        {
            if (locale == null || locale[0] == 0 || CString.Equals(locale, "C") || CString.Equals(locale, "POSIX") || CString.Equals(locale, "C.UTF-8"))
                return s_cLocale;
            return null;
        }

        [LibcExport("nl_langinfo")]
        public static byte* LangInfo(int item) => item == 14 ? s_utf8 : s_cLocale;   // CODESET

        // libm's nan("…") helpers: the quiet NaN (payloads are not kept).
        [LibcExport("__strtod_nan")]
        public static double StrtodNan(byte* s, byte** end, byte terminator) => Nan(s, end, terminator);

        [LibcExport("__strtof_nan")]
        public static float StrtofNan(byte* s, byte** end, byte terminator) => (float)Nan(s, end, terminator);

        [LibcExport("__strtold_nan", "__strtof128_nan")]
        public static double StrtoldNan(byte* s, byte** end, byte terminator) => Nan(s, end, terminator);

        private static double Nan(byte* s, byte** end, byte terminator)
        {
            byte* p = s;
            while (*p != 0 && *p != terminator) p++;
            if (end != null) *end = p;
            return DoubleBits.FromBits(0x7FF8000000000000UL);
        }

        [LibcExport("getauxval")]
        public static ulong GetAuxValue(ulong type) => type == 6 ? 4096UL : type == 17 ? 100UL : 0;   // AT_PAGESZ, AT_CLKTCK

        [LibcExport("getpagesize")]
        public static int PageSize() => 4096;
    }
}
