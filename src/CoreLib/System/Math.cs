using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Elementary math. Sqrt is an SSE2 instruction (ilc expands the intrinsic).</summary>
    public static partial class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;
        public const double Tau = 6.283185307179586476925;

        public static int Min(int a, int b) => a <= b ? a : b;
        public static uint Min(uint a, uint b) => a <= b ? a : b;
        public static long Min(long a, long b) => a <= b ? a : b;
        public static ulong Min(ulong a, ulong b) => a <= b ? a : b;
        public static double Min(double a, double b) => double.IsNaN(a) ? a : double.IsNaN(b) ? b : a < b ? a : a > b ? b : (double.IsNegative(a) ? a : b);
        public static int Max(int a, int b) => a >= b ? a : b;
        public static uint Max(uint a, uint b) => a >= b ? a : b;
        public static long Max(long a, long b) => a >= b ? a : b;
        public static ulong Max(ulong a, ulong b) => a >= b ? a : b;
        public static double Max(double a, double b) => double.IsNaN(a) ? a : double.IsNaN(b) ? b : a > b ? a : a < b ? b : (double.IsNegative(a) ? b : a);
        public static float Min(float a, float b) => MathF.Min(a, b);
        public static float Max(float a, float b) => MathF.Max(a, b);
        public static float Abs(float value) => MathF.Abs(value);
        public static short Min(short a, short b) => a <= b ? a : b;
        public static short Max(short a, short b) => a >= b ? a : b;
        public static byte Min(byte a, byte b) => a <= b ? a : b;
        public static byte Max(byte a, byte b) => a >= b ? a : b;
        public static double Clamp(double value, double min, double max) => value < min ? min : value > max ? max : value;
        public static long Clamp(long value, long min, long max) => value < min ? min : value > max ? max : value;
        public static int Sign(long value) => value < 0 ? -1 : value > 0 ? 1 : 0;
        public static int Sign(float value) => Sign((double)value);

        public static int Abs(int value)
        {
            if (value == int.MinValue) ThrowHelpers.ThrowOverflowException();
            return value < 0 ? -value : value;
        }

        public static long Abs(long value)
        {
            if (value == long.MinValue) ThrowHelpers.ThrowOverflowException();
            return value < 0 ? -value : value;
        }

        // The JIT turns it into one andps; the body (for indirect calls) clears the sign bit too.
        [Intrinsic]
        public static unsafe double Abs(double value)
        {
            ulong bits = *(ulong*)&value & 0x7FFF_FFFF_FFFF_FFFFUL;
            return *(double*)&bits;
        }

        [Intrinsic]
        public static double Sqrt(double d) => Sqrt(d); // replaced by sqrtsd

        public static short Abs(short value)
        {
            if (value == short.MinValue) ThrowHelpers.ThrowOverflowException();
            return value < 0 ? (short)-value : value;
        }

        public static sbyte Abs(sbyte value)
        {
            if (value == sbyte.MinValue) ThrowHelpers.ThrowOverflowException();
            return value < 0 ? (sbyte)-value : value;
        }

        public static long BigMul(int a, int b) => (long)a * b;

        /// <summary>The high 64 bits of a·b; the low ones in low.</summary>
        public static ulong BigMul(ulong a, ulong b, out ulong low)
        {
            ulong al = (uint)a, ah = a >> 32, bl = (uint)b, bh = b >> 32;
            ulong ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
            ulong mid = (ll >> 32) + (uint)lh + (uint)hl;
            low = (mid << 32) | (uint)ll;
            return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
        }

        public static int DivRem(int a, int b, out int result) { result = a % b; return a / b; }
        public static (int Quotient, int Remainder) DivRem(int left, int right) => (left / right, left % right);
        public static (long Quotient, long Remainder) DivRem(long left, long right) => (left / right, left % right);
        public static uint Clamp(uint value, uint min, uint max) => value < min ? min : value > max ? max : value;
        public static ulong Clamp(ulong value, ulong min, ulong max) => value < min ? min : value > max ? max : value;
        public static float Clamp(float value, float min, float max) => value < min ? min : value > max ? max : value;
        public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
        public static int Sign(int value) => value < 0 ? -1 : value > 0 ? 1 : 0;
        public static long DivRem(long a, long b, out long result) { result = a % b; return a / b; }

        // Helpers ilc binds checked conversions and 64-bit division to (by name).
                private static long ConvertToInt64Checked(double value)
        {
            if (!(value > -9223372036854777856.0 && value < 9223372036854775808.0)) ThrowHelpers.ThrowOverflowException();
            return (long)value;
        }
        private static ulong ConvertToUInt64Checked(double value)
        {
            if (!(value > -1.0 && value < 18446744073709551616.0)) ThrowHelpers.ThrowOverflowException();
            return (ulong)value;
        }
        private static int ConvertToInt32Checked(double value)
        {
            if (!(value > -2147483649.0 && value < 2147483648.0)) ThrowHelpers.ThrowOverflowException();
            return (int)value;
        }
        private static uint ConvertToUInt32Checked(double value)
        {
            if (!(value > -1.0 && value < 4294967296.0)) ThrowHelpers.ThrowOverflowException();
            return (uint)value;
        }
    }
}
