namespace Conformance.Arrays
{
    /// <summary>Indexing at the edges of arrays (first, last), empty arrays, and long index expressions.</summary>
    public static class Bounds
    {
        public static int Main()
        {
            var a = new long[1000];
            a[0] = 1; a[999] = 2; a[a.Length - 1] += 1;
            if (a[0] + a[999] != 4) return 1;
            var empty = new string[0];
            if (empty.Length != 0) return 2;
            int count = 0;
            foreach (var _ in empty) count++;
            if (count != 0) return 3;
            long idx = 500;
            a[idx] = 7;
            if (a[(int)idx] != 7) return 4;
            byte[] bytes = new byte[256];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)i;
            if (bytes[255] != 255 || bytes[bytes[3]] != 3) return 5;
            return 100;
        }
    }
}
