using System.Threading;

namespace Conformance.Threading
{
    /// <summary>Interlocked over int, long, uint, ulong, double, float and references: results and previous values.</summary>
    public static class InterlockedOps
    {
        private static int s_i;
        private static long s_l;
        private static uint s_u;
        private static ulong s_ul;
        private static double s_d;
        private static float s_f;
        private static string s_s;
        private static object s_o;

        public static int Main()
        {
            if (Interlocked.Increment(ref s_i) != 1 || Interlocked.Add(ref s_i, 10) != 11 || Interlocked.Decrement(ref s_i) != 10) return 1;
            if (Interlocked.Exchange(ref s_i, 5) != 10 || Interlocked.CompareExchange(ref s_i, 6, 4) != 5 || s_i != 5) return 2;
            if (Interlocked.CompareExchange(ref s_i, 6, 5) != 5 || s_i != 6) return 3;
            if (Interlocked.Add(ref s_l, 1L << 40) != 1L << 40 || Interlocked.Read(ref s_l) != 1L << 40) return 4;
            if (Interlocked.Decrement(ref s_u) != uint.MaxValue || Interlocked.Increment(ref s_ul) != 1) return 5;
            if (Interlocked.Exchange(ref s_d, 2.5) != 0.0 || Interlocked.CompareExchange(ref s_d, 3.5, 2.5) != 2.5 || s_d != 3.5) return 6;
            if (Interlocked.Exchange(ref s_f, 1.5f) != 0f || s_f != 1.5f) return 7;
            if (Interlocked.Exchange(ref s_s, "a") != null || Interlocked.CompareExchange(ref s_s, "b", "a") != "a" || s_s != "b") return 8;
            if (Interlocked.CompareExchange(ref s_o, new object(), null) != null || s_o == null) return 9;
            s_i = 0b1100;
            if (Interlocked.And(ref s_i, 0b1010) != 0b1100 || s_i != 0b1000) return 10;
            if (Interlocked.Or(ref s_i, 0b0001) != 0b1000 || s_i != 0b1001) return 11;
            s_l = 0xF0;
            if (Interlocked.Or(ref s_l, 0x0F) != 0xF0 || Interlocked.And(ref s_l, 0x3C) != 0xFF || s_l != 0x3C) return 12;
            Interlocked.MemoryBarrier();
            return 100;
        }
    }
}
