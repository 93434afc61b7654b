namespace Conformance.Arithmetic
{
    /// <summary>conv.ovf.u* and add.ovf.un in range: unsigned checked arithmetic that does not overflow.</summary>
    public static class CheckedUnsigned
    {
        private static ulong s_big = ulong.MaxValue - 5;
        private static long s_pos = 123;
        private static int s_small = 200;

        public static int Main()
        {
            if (checked(s_big + 5) != ulong.MaxValue) return 1;
            if (checked((ulong)s_pos) != 123UL) return 2;
            if (checked((byte)s_small) != 200) return 3;
            if (checked((ushort)(s_small * 300)) != 60000) return 4;
            if (checked((sbyte)(s_small - 100)) != 100) return 5;
            if (checked((uint)(s_pos * 1000)) != 123000u) return 6;
            if (checked(s_big - s_big) != 0) return 7;
            return 100;
        }
    }
}
