namespace Conformance.Arithmetic
{
    /// <summary>byte/sbyte/short/ushort/char loads widen correctly (ldind.i1 vs u1 and so on) and compound assignment narrows.</summary>
    public static class SmallIntegerTypes
    {
        private static sbyte[] s_sb = { -1, -128, 127 };
        private static byte[] s_b = { 255, 0, 128 };
        private static short[] s_s = { -1, short.MinValue };
        private static ushort[] s_us = { 65535 };

        public static int Main()
        {
            int sum = 0;
            foreach (sbyte v in s_sb) sum += v;
            if (sum != -2) return 1;
            sum = 0;
            foreach (byte v in s_b) sum += v;
            if (sum != 383) return 2;
            if (s_s[0] + s_s[1] != -32769) return 3;
            if (s_us[0] + 1 != 65536) return 4;
            byte b = 250;
            b += 10;
            if (b != 4) return 5;
            sbyte sb = 127;
            sb++;
            if (sb != -128) return 6;
            char c = 'A';
            c += (char)2;
            if (c != 'C') return 7;
            short sh = -32768;
            sh--;
            if (sh != 32767) return 8;
            return 100;
        }
    }
}
