using System.Runtime.CompilerServices;

namespace System.Threading
{
    // The rest of .NET's Interlocked surface, built on the intrinsic compare-exchange and
    // exchange-add of Interlocked.cs: other widths and types, And/Or, Read.
    public static partial class Interlocked
    {
        public static uint Exchange(ref uint location, uint value) => (uint)Exchange(ref Unsafe.As<uint, int>(ref location), (int)value);
        public static ulong Exchange(ref ulong location, ulong value) => (ulong)Exchange(ref Unsafe.As<ulong, long>(ref location), (long)value);
        public static object Exchange(ref object location, object value) => Exchange<object>(ref location, value);
        public static object CompareExchange(ref object location, object value, object comparand) => CompareExchange<object>(ref location, value, comparand);

        public static double Exchange(ref double location, double value) =>
            BitConverter.Int64BitsToDouble(Exchange(ref Unsafe.As<double, long>(ref location), BitConverter.DoubleToInt64Bits(value)));
        public static float Exchange(ref float location, float value) =>
            BitConverter.Int32BitsToSingle(Exchange(ref Unsafe.As<float, int>(ref location), BitConverter.SingleToInt32Bits(value)));

        // Bitwise comparison, as .NET: a NaN comparand matches the same NaN bits, -0.0 does not match 0.0.
        public static double CompareExchange(ref double location, double value, double comparand) =>
            BitConverter.Int64BitsToDouble(CompareExchange(ref Unsafe.As<double, long>(ref location),
                BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(comparand)));
        public static float CompareExchange(ref float location, float value, float comparand) =>
            BitConverter.Int32BitsToSingle(CompareExchange(ref Unsafe.As<float, int>(ref location),
                BitConverter.SingleToInt32Bits(value), BitConverter.SingleToInt32Bits(comparand)));

        public static uint Increment(ref uint location) => Add(ref location, 1);
        public static ulong Increment(ref ulong location) => Add(ref location, 1);
        public static uint Decrement(ref uint location) => (uint)Add(ref Unsafe.As<uint, int>(ref location), -1);
        public static ulong Decrement(ref ulong location) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location), -1);
        public static uint Add(ref uint location, uint value) => (uint)Add(ref Unsafe.As<uint, int>(ref location), (int)value);
        public static ulong Add(ref ulong location, ulong value) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location), (long)value);

        public static long Read(ref long location) => CompareExchange(ref location, 0, 0);
        public static ulong Read(ref ulong location) => CompareExchange(ref location, 0, 0);

        /// <summary>Atomically ANDs value into location; returns the previous value.</summary>
        public static int And(ref int location, int value)
        {
            int old = location;
            while (true)
            {
                int seen = CompareExchange(ref location, old & value, old);
                if (seen == old) return old;
                old = seen;
            }
        }

        public static int Or(ref int location, int value)
        {
            int old = location;
            while (true)
            {
                int seen = CompareExchange(ref location, old | value, old);
                if (seen == old) return old;
                old = seen;
            }
        }

        public static long And(ref long location, long value)
        {
            long old = location;
            while (true)
            {
                long seen = CompareExchange(ref location, old & value, old);
                if (seen == old) return old;
                old = seen;
            }
        }

        public static long Or(ref long location, long value) => (long)Or(ref Unsafe.As<long, ulong>(ref location), (ulong)value);
        public static uint And(ref uint location, uint value) => (uint)And(ref Unsafe.As<uint, int>(ref location), (int)value);
        public static uint Or(ref uint location, uint value) => (uint)Or(ref Unsafe.As<uint, int>(ref location), (int)value);
        public static ulong And(ref ulong location, ulong value) => (ulong)And(ref Unsafe.As<ulong, long>(ref location), (long)value);
    }
}
