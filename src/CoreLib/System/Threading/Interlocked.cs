using System.Runtime.CompilerServices;

namespace System.Threading
{
    /// <summary>
    /// Atomic read-modify-write operations. Each is a JIT intrinsic (lock cmpxchg / xadd / xchg);
    /// the recursive bodies are never executed, they only exist for the metadata.
    /// </summary>
    public static partial class Interlocked
    {
        [Intrinsic] public static int CompareExchange(ref int location, int value, int comparand) => CompareExchange(ref location, value, comparand);
        [Intrinsic] public static long CompareExchange(ref long location, long value, long comparand) => CompareExchange(ref location, value, comparand);
        [Intrinsic] public static nint CompareExchange(ref nint location, nint value, nint comparand) => CompareExchange(ref location, value, comparand);
        [Intrinsic] public static int Exchange(ref int location, int value) => Exchange(ref location, value);
        [Intrinsic] public static long Exchange(ref long location, long value) => Exchange(ref location, value);
        [Intrinsic] public static nint Exchange(ref nint location, nint value) => Exchange(ref location, value);
        [Intrinsic] public static int ExchangeAdd(ref int location, int value) => ExchangeAdd(ref location, value);
        [Intrinsic] public static long ExchangeAdd(ref long location, long value) => ExchangeAdd(ref location, value);

        public static uint CompareExchange(ref uint location, uint value, uint comparand)
            => (uint)CompareExchange(ref Unsafe.As<uint, int>(ref location), (int)value, (int)comparand);
        public static ulong CompareExchange(ref ulong location, ulong value, ulong comparand)
            => (ulong)CompareExchange(ref Unsafe.As<ulong, long>(ref location), (long)value, (long)comparand);

        public static T CompareExchange<T>(ref T location, T value, T comparand) where T : class
        {
            nint r = CompareExchange(ref Unsafe.As<T, nint>(ref location), Unsafe.As<T, nint>(ref value), Unsafe.As<T, nint>(ref comparand));
            return Unsafe.As<nint, T>(ref r);
        }

        public static T Exchange<T>(ref T location, T value) where T : class
        {
            nint r = Exchange(ref Unsafe.As<T, nint>(ref location), Unsafe.As<T, nint>(ref value));
            return Unsafe.As<nint, T>(ref r);
        }

        /// <summary>Atomically ORs value into location; returns the previous value.</summary>
        public static ulong Or(ref ulong location, ulong value)
        {
            ulong old = Volatile.Read(ref location);
            while (true)
            {
                ulong seen = CompareExchange(ref location, old | value, old);
                if (seen == old) return old;
                old = seen;
            }
        }

        public static int Add(ref int location, int value) => ExchangeAdd(ref location, value) + value;
        public static long Add(ref long location, long value) => ExchangeAdd(ref location, value) + value;
        public static int Increment(ref int location) => ExchangeAdd(ref location, 1) + 1;
        public static long Increment(ref long location) => ExchangeAdd(ref location, 1) + 1;
        public static int Decrement(ref int location) => ExchangeAdd(ref location, -1) - 1;
        public static long Decrement(ref long location) => ExchangeAdd(ref location, -1) - 1;

        /// <summary>A full fence (mfence-equivalent: a locked operation on the stack).</summary>
        public static void MemoryBarrier()
        {
            int dummy = 0;
            Exchange(ref dummy, 0);
        }
    }

    /// <summary>
    /// Loads and stores the compiler may not elide or reorder. On x86-64 ordinary loads and stores
    /// already have acquire/release semantics; these keep the JIT from caching values in registers.
    /// </summary>
    public static class Volatile
    {
        public static int Read(ref int location) => Unsafe.As<int, VolatileInt>(ref location).Value;
        public static void Write(ref int location, int value) => Unsafe.As<int, VolatileInt>(ref location).Value = value;
        public static long Read(ref long location) => (long)Unsafe.As<long, VolatileNint>(ref location).Value;
        public static void Write(ref long location, long value) => Unsafe.As<long, VolatileNint>(ref location).Value = (nint)value;
        public static nint Read(ref nint location) => Unsafe.As<nint, VolatileNint>(ref location).Value;
        public static void Write(ref nint location, nint value) => Unsafe.As<nint, VolatileNint>(ref location).Value = value;
        public static ulong Read(ref ulong location) => (ulong)Unsafe.As<ulong, VolatileNint>(ref location).Value;
        public static void Write(ref ulong location, ulong value) => Unsafe.As<ulong, VolatileNint>(ref location).Value = (nint)value;
        public static uint Read(ref uint location) => (uint)Unsafe.As<uint, VolatileInt>(ref location).Value;
        public static void Write(ref uint location, uint value) => Unsafe.As<uint, VolatileInt>(ref location).Value = (int)value;
        public static byte Read(ref byte location) => Unsafe.As<byte, VolatileByte>(ref location).Value;
        public static void Write(ref byte location, byte value) => Unsafe.As<byte, VolatileByte>(ref location).Value = value;
        public static bool Read(ref bool location) => Unsafe.As<bool, VolatileBool>(ref location).Value;
        public static void Write(ref bool location, bool value) => Unsafe.As<bool, VolatileBool>(ref location).Value = value;

        public static double Read(ref double location) => BitConverter.Int64BitsToDouble(Read(ref Unsafe.As<double, long>(ref location)));
        public static void Write(ref double location, double value) => Write(ref Unsafe.As<double, long>(ref location), BitConverter.DoubleToInt64Bits(value));
        public static float Read(ref float location) => BitConverter.Int32BitsToSingle(Read(ref Unsafe.As<float, int>(ref location)));
        public static void Write(ref float location, float value) => Write(ref Unsafe.As<float, int>(ref location), BitConverter.SingleToInt32Bits(value));
        public static short Read(ref short location) => (short)Unsafe.As<short, VolatileShort>(ref location).Value;
        public static void Write(ref short location, short value) => Unsafe.As<short, VolatileShort>(ref location).Value = value;

        public static T Read<T>(ref T location) where T : class
        {
            nint p = Read(ref Unsafe.As<T, nint>(ref location));
            return Unsafe.As<nint, T>(ref p);
        }

        public static void Write<T>(ref T location, T value) where T : class =>
            Write(ref Unsafe.As<T, nint>(ref location), Unsafe.As<T, nint>(ref value));

        private struct VolatileShort { public volatile short Value; }
        private struct VolatileInt { public volatile int Value; }
        private struct VolatileNint { public volatile nint Value; }
        private struct VolatileBool { public volatile bool Value; }
        private struct VolatileByte { public volatile byte Value; }
    }
}
