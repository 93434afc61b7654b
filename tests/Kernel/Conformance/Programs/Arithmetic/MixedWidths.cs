namespace Conformance.Arithmetic
{
    /// <summary>Binary numeric promotion between int, uint, long, float and double, and compound assignments.</summary>
    public static class MixedWidths
    {
        private static int s_i = -1;
        private static uint s_u = 1;
        private static long s_l = 10;
        private static float s_f = 0.5f;

        public static int Main()
        {
            var a = s_i + s_u;                 // int + uint -> long
            if (a != 0L || !(a is long)) return 1;
            var b = s_l * s_f;                 // long * float -> float
            if (b != 5f) return 2;
            var c = s_i / 2.0;                 // -> double
            if (c != -0.5) return 3;
            int x = 7;
            x *= 3; x -= 1; x /= 4; x %= 3; x <<= 4; x >>= 1; x |= 1; x ^= 3; x &= 0xF;
            if (x != 2) return 4;
            long m = int.MaxValue;
            m += int.MaxValue;
            if (m != 4294967294L) return 5;
            return 100;
        }
    }
}
