using Nacre.Arch.X64;

namespace Nacre.Personality
{
    /// <summary>
    /// Random 64-bit values for canaries, AT_RANDOM and /dev/urandom: a xorshift generator whose
    /// state starts from the TSC and is stirred with the TSC on every call, so that values differ
    /// between runs and threads. Not cryptographic (nothing in the .NET world's start-up needs it to be).
    /// </summary>
    internal static unsafe class Random
    {
        private static long s_state;

        public static ulong Next()
        {
            ulong x = (ulong)System.Threading.Interlocked.Add(ref s_state, (long)(Processor.ReadTimestamp() | 1)) * 0x9E3779B97F4A7C15UL;
            x ^= x >> 31;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 27;
            x *= 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }

        public static void Fill(byte* buffer, ulong length)
        {
            for (ulong i = 0; i < length; i += 8)
            {
                ulong v = Next();
                for (ulong k = 0; k < 8 && i + k < length; k++) buffer[i + k] = (byte)(v >> (int)(8 * k));
            }
        }
    }
}
