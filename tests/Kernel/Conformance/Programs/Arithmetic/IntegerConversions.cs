namespace Conformance.Arithmetic
{
    /// <summary>conv.i1..conv.u8: truncation, sign extension from signed sources, zero extension from unsigned.</summary>
    public static class IntegerConversions
    {
        private static int s_neg = -1, s_big = 0x12345678;
        private static long s_l = 0x1_0000_0001L;
        private static uint s_u = 0xFFFFFFFF;

        public static int Main()
        {
            if ((long)s_neg != -1L) return 1;
            if ((ulong)(uint)s_neg != 0xFFFFFFFFUL) return 2;
            if (unchecked((ulong)s_neg) != ulong.MaxValue) return 3;
            if (unchecked((byte)s_big) != 0x78) return 4;
            if (unchecked((sbyte)(byte)0x80) != -128) return 5;
            if (unchecked((short)s_big) != 0x5678) return 6;
            if (unchecked((int)s_l) != 1) return 7;
            if ((long)s_u != 4294967295L) return 8;
            if (unchecked((int)s_u) != -1) return 9;
            if ((char)(s_big & 0xFFFF) != '\u5678') return 10;
            if (unchecked((ushort)(short)-2) != 65534) return 11;
            return 100;
        }
    }
}
