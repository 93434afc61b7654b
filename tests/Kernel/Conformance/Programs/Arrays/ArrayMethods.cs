using System;

namespace Conformance.Arrays
{
    /// <summary>Array.Copy, Clear, Resize, IndexOf, Reverse, Empty and Fill.</summary>
    public static class ArrayMethods
    {
        public static int Main()
        {
            int[] a = { 1, 2, 3, 4, 5 };
            int[] b = new int[5];
            Array.Copy(a, 1, b, 0, 3);
            if (b[0] != 2 || b[2] != 4 || b[3] != 0) return 1;
            Array.Copy(a, a, 2);
            Array.Clear(a, 0, 2);
            if (a[0] != 0 || a[1] != 0 || a[2] != 3) return 2;
            Array.Resize(ref a, 7);
            if (a.Length != 7 || a[4] != 5 || a[6] != 0) return 3;
            if (Array.IndexOf(a, 5) != 4 || Array.IndexOf(a, 42) != -1) return 4;
            Array.Reverse(b);
            if (b[0] != 0 || b[4] != 2) return 5;
            Array.Reverse(a, 2, 3);
            if (a[2] != 5 || a[4] != 3) return 6;
            if (Array.Empty<string>().Length != 0 || Array.Empty<int>() != Array.Empty<int>()) return 7;
            Array.Fill(b, 9);
            if (b[3] != 9) return 8;
            string[] s = { "x", "y", "x" };
            if (Array.IndexOf(s, "x", 1) != 2 || Array.LastIndexOf(s, "x") != 2) return 9;
            return 100;
        }
    }
}
