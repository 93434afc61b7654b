namespace Conformance.Arithmetic
{
    /// <summary>add/sub/mul on int and long wrap around in an unchecked context.</summary>
    public static class IntWrap
    {
        private static int s_max = int.MaxValue, s_min = int.MinValue;
        private static long s_lmax = long.MaxValue;

        public static int Main()
        {
            if (unchecked(s_max + 1) != int.MinValue) return 1;
            if (unchecked(s_min - 1) != int.MaxValue) return 2;
            if (unchecked(s_max * 2) != -2) return 3;
            if (unchecked(s_lmax + 1) != long.MinValue) return 4;
            if (unchecked(-s_min) != int.MinValue) return 5;
            if (unchecked((int)((long)s_max * s_max)) != 1) return 6;
            if (unchecked(s_lmax * 3) != 9223372036854775805L) return 7;
            return 100;
        }
    }
}
