using System.Threading;

namespace Conformance.Threading
{
    /// <summary>Volatile reads and writes of every supported type round-trip.</summary>
    public static class VolatileOps
    {
        private static int s_i;
        private static long s_l;
        private static bool s_b;
        private static double s_d;
        private static float s_f;
        private static short s_s;
        private static string s_r;

        public static int Main()
        {
            Volatile.Write(ref s_i, 7);
            Volatile.Write(ref s_l, -1L);
            Volatile.Write(ref s_b, true);
            Volatile.Write(ref s_d, 0.1);
            Volatile.Write(ref s_f, -2f);
            Volatile.Write(ref s_s, (short)-300);
            Volatile.Write(ref s_r, "v");
            if (Volatile.Read(ref s_i) != 7 || Volatile.Read(ref s_l) != -1 || !Volatile.Read(ref s_b)) return 1;
            if (Volatile.Read(ref s_d) != 0.1 || Volatile.Read(ref s_f) != -2f || Volatile.Read(ref s_s) != -300) return 2;
            if (Volatile.Read(ref s_r) != "v") return 3;
            return 100;
        }
    }
}
