namespace Conformance.Arrays
{
    /// <summary>ldelem/stelem of every primitive width, and ldlen.</summary>
    public static class PrimitiveArrays
    {
        public static int Main()
        {
            var b = new byte[] { 1, 255 };
            var sb = new sbyte[] { -1 };
            var s = new short[] { -300 };
            var us = new ushort[] { 60000 };
            var i = new int[] { int.MinValue };
            var u = new uint[] { uint.MaxValue };
            var l = new long[] { long.MinValue };
            var ul = new ulong[] { ulong.MaxValue };
            var f = new float[] { 1.5f };
            var d = new double[] { -2.25 };
            var c = new char[] { 'z' };
            var z = new bool[] { true, false };
            var p = new nint[] { -5 };
            if (b[1] != 255 || sb[0] != -1 || s[0] != -300 || us[0] != 60000) return 1;
            if (i[0] != int.MinValue || u[0] != uint.MaxValue || l[0] != long.MinValue || ul[0] != ulong.MaxValue) return 2;
            if (f[0] != 1.5f || d[0] != -2.25 || c[0] != 'z' || !z[0] || z[1] || p[0] != -5) return 3;
            b[0] += 255;
            if (b[0] != 0) return 4;
            if (b.Length + z.Length + new int[0].Length != 4) return 5;
            return 100;
        }
    }
}
