namespace Nacre.Personality.Libc
{
    /// <summary>IEEE 754 double bits, for the personality's number conversions (no dependence on the core library's numeric surface).</summary>
    public static unsafe class DoubleBits
    {
        public static ulong ToBits(double v) => *(ulong*)&v;
        public static double FromBits(ulong bits) => *(double*)&bits;

        public static bool IsNaN(double v) => (ToBits(v) & 0x7FFFFFFFFFFFFFFFUL) > 0x7FF0000000000000UL;
        public static bool IsInfinity(double v) => (ToBits(v) & 0x7FFFFFFFFFFFFFFFUL) == 0x7FF0000000000000UL;
        public static bool IsNegative(double v) => (ToBits(v) >> 63) != 0;

        /// <summary>v · 2^n, exact while the result is a normal double (two steps keep the intermediate in range).</summary>
        public static double ScaleB(double v, int n)
        {
            while (n > 1000) { v *= FromBits((ulong)(1023 + 1000) << 52); n -= 1000; }
            while (n < -1000) { v *= FromBits((ulong)(1023 - 1000) << 52); n += 1000; }
            return v * FromBits((ulong)(1023 + n) << 52);
        }
    }
}
