namespace Conformance.Arithmetic
{
    /// <summary>MinValue/MaxValue of every integer type and their neighbours, via static fields (no constant folding).</summary>
    public static class IntegerBoundaries
    {
        private static sbyte s_sb = sbyte.MinValue;
        private static short s_sh = short.MaxValue;
        private static int s_in = int.MinValue;
        private static long s_lo = long.MaxValue;
        private static byte s_by = byte.MaxValue;
        private static char s_ch = char.MaxValue;

        public static int Main()
        {
            if (s_sb != -128 || unchecked((sbyte)(s_sb - 1)) != 127) return 1;
            if (s_sh != 32767 || unchecked((short)(s_sh + 1)) != -32768) return 2;
            if (s_in + 1 != -2147483647) return 3;
            if (s_lo - 1 != 9223372036854775806L) return 4;
            if (unchecked((byte)(s_by + 1)) != 0) return 5;
            if (s_ch != 65535 || (int)s_ch + 1 != 65536) return 6;
            if (int.MaxValue.ToString() != "2147483647" || long.MinValue.ToString() != "-9223372036854775808") return 7;
            return 100;
        }
    }
}
