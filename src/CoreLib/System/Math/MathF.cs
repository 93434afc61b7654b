namespace System
{
    /// <summary>
    /// Single-precision math. The transcendental functions evaluate in double (correctly rounded
    /// there) and round to float, which is within 1 ulp of glibc's correctly rounded float results.
    /// </summary>
    public static class MathF
    {
        public const float E = 2.71828183f;
        public const float PI = 3.14159265f;
        public const float Tau = 6.28318531f;

        public static float Abs(float x) => BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(x) & 0x7FFF_FFFFu);
        public static float Sqrt(float x) => (float)Math.Sqrt(x); // the double root rounds correctly to float
        public static float Cbrt(float x) => (float)Math.Cbrt(x);
        public static float Sin(float x) => (float)Math.Sin(x);
        public static float Cos(float x) => (float)Math.Cos(x);
        public static float Tan(float x) => (float)Math.Tan(x);
        public static (float Sin, float Cos) SinCos(float x) => (Sin(x), Cos(x));
        public static float Asin(float x) => (float)Math.Asin(x);
        public static float Acos(float x) => (float)Math.Acos(x);
        public static float Atan(float x) => (float)Math.Atan(x);
        public static float Atan2(float y, float x) => (float)Math.Atan2(y, x);
        public static float Sinh(float x) => (float)Math.Sinh(x);
        public static float Cosh(float x) => (float)Math.Cosh(x);
        public static float Tanh(float x) => (float)Math.Tanh(x);
        public static float Asinh(float x) => (float)Math.Asinh(x);
        public static float Acosh(float x) => (float)Math.Acosh(x);
        public static float Atanh(float x) => (float)Math.Atanh(x);
        public static float Exp(float x) => (float)Math.Exp(x);
        public static float Log(float x) => (float)Math.Log(x);
        public static float Log(float x, float y) => (float)Math.Log(x, y);
        public static float Log10(float x) => (float)Math.Log10(x);
        public static float Log2(float x) => (float)Math.Log2(x);
        public static float Pow(float x, float y) => (float)Math.Pow(x, y);

        public static float Truncate(float x) => (float)Math.Truncate(x);
        public static float Floor(float x) => (float)Math.Floor(x);
        public static float Ceiling(float x) => (float)Math.Ceiling(x);
        public static float Round(float x) => (float)Math.Round(x);
        public static float Round(float x, MidpointRounding mode) => (float)Math.Round(x, mode);

        public static float Round(float x, int digits) => Round(x, digits, MidpointRounding.ToEven);

        public static float Round(float x, int digits, MidpointRounding mode)
        {
            if ((uint)digits > 6) ThrowHelpers.ThrowArgumentOutOfRangeException("digits");
            if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity) ThrowHelpers.ThrowArgumentException("Invalid MidpointRounding value.");
            if (Abs(x) < 1E+8f)
            {
                float power10 = 1;
                for (int i = 0; i < digits; i++) power10 *= 10;
                x = Round(x * power10, mode) / power10; // float arithmetic, as .NET rounds floats
            }
            return x;
        }

        public static float CopySign(float x, float y) =>
            BitConverter.UInt32BitsToSingle((BitConverter.SingleToUInt32Bits(x) & 0x7FFF_FFFFu) | (BitConverter.SingleToUInt32Bits(y) & 0x8000_0000u));

        public static float BitIncrement(float x)
        {
            int bits = BitConverter.SingleToInt32Bits(x);
            if ((bits & 0x7F80_0000) == 0x7F80_0000) return bits == unchecked((int)0xFF80_0000) ? float.MinValue : x;
            if (bits == int.MinValue) return float.Epsilon;
            return BitConverter.Int32BitsToSingle(bits + (bits < 0 ? -1 : 1));
        }

        public static float BitDecrement(float x)
        {
            int bits = BitConverter.SingleToInt32Bits(x);
            if ((bits & 0x7F80_0000) == 0x7F80_0000) return bits == 0x7F80_0000 ? float.MaxValue : x;
            if (bits == 0) return -float.Epsilon;
            return BitConverter.Int32BitsToSingle(bits + (bits < 0 ? 1 : -1));
        }

        public static float ScaleB(float x, int n)
        {
            if (n > 300) n = 300;
            if (n < -400) n = -400;
            return (float)Math.ScaleB(x, n); // exact in double; one rounding to float
        }

        public static int ILogB(float x) => float.IsNaN(x) ? int.MaxValue : Math.ILogB(x);

        public static float IEEERemainder(float x, float y) => (float)Math.IEEERemainder(x, y); // exact in double

        /// <summary>x·y is exact in double; one rounding there and one to float (a double rounding in rare ties).</summary>
        public static float FusedMultiplyAdd(float x, float y, float z) => (float)Math.FusedMultiplyAdd(x, y, z);

        public static float Max(float x, float y) => float.IsNaN(x) ? x : float.IsNaN(y) ? y : x > y ? x : x < y ? y : (IsNeg(x) ? y : x);
        public static float Min(float x, float y) => float.IsNaN(x) ? x : float.IsNaN(y) ? y : x < y ? x : x > y ? y : (IsNeg(x) ? x : y);
        public static float MaxMagnitude(float x, float y) => (float)Math.MaxMagnitude(x, y);
        public static float MinMagnitude(float x, float y) => (float)Math.MinMagnitude(x, y);
        public static int Sign(float x) => Math.Sign(x);
        private static bool IsNeg(float x) => BitConverter.SingleToInt32Bits(x) < 0;
    }
}
