namespace Conformance.Arithmetic
{
    /// <summary>and, or, xor, not, neg over every integer width.</summary>
    public static class Bitwise
    {
        private static int s_a = 0x0F0F, s_b = 0x00FF;
        private static ulong s_la = 0xF0F0F0F0F0F0F0F0;
        private static byte s_byte = 0xAA;

        public static int Main()
        {
            if ((s_a & s_b) != 0x000F) return 1;
            if ((s_a | s_b) != 0x0FFF) return 2;
            if ((s_a ^ s_b) != 0x0FF0) return 3;
            if (~s_a != -0x0F10) return 4;
            if (~s_la != 0x0F0F0F0F0F0F0F0F) return 5;
            if ((byte)~s_byte != 0x55) return 6;
            if (-s_a != -3855) return 7;
            if ((s_la ^ s_la) != 0) return 8;
            bool t = true, f = false;
            if ((t & f) || !(t | f) || !(t ^ f)) return 9;
            return 100;
        }
    }
}
