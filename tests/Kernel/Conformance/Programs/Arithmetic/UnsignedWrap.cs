namespace Conformance.Arithmetic
{
    /// <summary>uint/ulong/byte/ushort arithmetic wraps and promotes as C# specifies.</summary>
    public static class UnsignedWrap
    {
        private static uint s_zero = 0;
        private static ulong s_lzero = 0;
        private static byte s_b = 200;
        private static ushort s_u = 65535;

        public static int Main()
        {
            if (unchecked(s_zero - 1) != uint.MaxValue) return 1;
            if (unchecked(s_lzero - 1) != ulong.MaxValue) return 2;
            int sum = s_b + s_b;                      // promoted to int
            if (sum != 400) return 3;
            if (unchecked((byte)(s_b + s_b)) != 144) return 4;
            if (unchecked((ushort)(s_u + 1)) != 0) return 5;
            if (uint.MaxValue / 2 + 1 != 0x80000000u) return 6;
            if (unchecked(s_zero - 1) / 3 != 1431655765u) return 7;
            if (unchecked(s_lzero - 1) % 10 != 5) return 8;
            return 100;
        }
    }
}
