namespace Nacre.Personality.Libc
{
    /// <summary>
    /// The System V x86-64 va_list (what a variadic function's callee walks): integer arguments
    /// come from the register save area while gp_offset &lt; 48, floating-point ones while
    /// fp_offset &lt; 176, then from the caller's stack (overflow_arg_area). The shims in
    /// personality.S build one; v-functions (vsnprintf …) receive the caller's.
    /// </summary>
    public unsafe struct VaList
    {
        public uint GpOffset, FpOffset;
        public byte* OverflowArea;
        public byte* RegisterSaveArea;

        public ulong NextInteger()
        {
            ulong v;
            if (GpOffset < 48) { v = *(ulong*)(RegisterSaveArea + GpOffset); GpOffset += 8; }
            else { v = *(ulong*)OverflowArea; OverflowArea += 8; }
            return v;
        }

        public double NextDouble()
        {
            double v;
            if (FpOffset < 176) { v = *(double*)(RegisterSaveArea + FpOffset); FpOffset += 16; }
            else { v = *(double*)OverflowArea; OverflowArea += 8; }
            return v;
        }

        /// <summary>A long double (80-bit x87, passed in memory, 16-byte aligned), as a double.</summary>
        public double NextLongDouble()
        {
            OverflowArea = (byte*)(((ulong)OverflowArea + 15) & ~15UL);
            ulong mantissa = *(ulong*)OverflowArea;
            ushort signExponent = *(ushort*)(OverflowArea + 8);
            OverflowArea += 16;
            int exponent = signExponent & 0x7FFF;
            bool negative = (signExponent & 0x8000) != 0;
            double v;
            if (exponent == 0x7FFF) v = (mantissa << 1) == 0 ? double.PositiveInfinity : double.NaN;
            else if (mantissa == 0) v = 0;
            else v = (double)(mantissa >> 11) * DoubleBits.ScaleB(1.0, exponent - 16383 - 52);
            return negative ? -v : v;
        }
    }
}
