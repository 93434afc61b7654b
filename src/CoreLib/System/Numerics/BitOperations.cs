using System.Runtime.CompilerServices;

namespace System.Numerics
{
    /// <summary>Bit tricks. [Intrinsic]: the JIT emits tzcnt/lzcnt/popcnt (or bsf/bsr) for them.</summary>
    public static class BitOperations
    {
        [Intrinsic]
        public static int TrailingZeroCount(ulong value)
        {
            if (value == 0) return 64;
            int n = 0;
            while ((value & 1) == 0) { value >>= 1; n++; }
            return n;
        }

        [Intrinsic]
        public static int LeadingZeroCount(ulong value)
        {
            if (value == 0) return 64;
            int n = 0;
            while ((value & 0x8000000000000000UL) == 0) { value <<= 1; n++; }
            return n;
        }

        [Intrinsic]
        public static int PopCount(ulong value)
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((value * 0x0101010101010101UL) >> 56);
        }

        public static int Log2(ulong value) => 63 - LeadingZeroCount(value | 1);

        public static bool IsPow2(ulong value) => value != 0 && (value & (value - 1)) == 0;
    }
}
