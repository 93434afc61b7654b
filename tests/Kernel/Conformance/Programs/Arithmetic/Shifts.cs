namespace Conformance.Arithmetic
{
    /// <summary>shl/shr/shr.un: counts are masked to the operand width; >> is arithmetic on signed, >>> logical.</summary>
    public static class Shifts
    {
        private static int s_neg = -16, s_one = 1, s_count = 33;
        private static long s_lone = 1;
        private static uint s_u = 0x80000000;

        public static int Main()
        {
            if (s_neg >> 2 != -4) return 1;
            if (s_neg >>> 28 != 15) return 2;
            if (s_one << s_count != 2) return 3;          // 33 & 31 == 1
            if (s_lone << 63 != long.MinValue) return 4;
            if (s_lone << (s_count + 31) != 1) return 5;  // 64 & 63 == 0
            if (s_u >> 31 != 1) return 6;
            if ((int)s_u >> 31 != -1) return 7;
            if ((long)s_neg >> 60 != -1) return 8;
            if ((ulong)(long)s_neg >> 60 != 15) return 9;
            return 100;
        }
    }
}
