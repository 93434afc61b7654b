namespace Conformance.Structs
{
    /// <summary>ref, in and out parameters on struct values, array elements and fields.</summary>
    public static class RefParameters
    {
        private struct Big { public long A, B, C, D; }
        private static long s_field;

        private static void Fill(out Big b) { b = new Big { A = 1, B = 2, C = 3, D = 4 }; }
        private static long Sum(in Big b) => b.A + b.B + b.C + b.D;
        private static void Scale(ref Big b, int k) { b.A *= k; b.D *= k; }
        private static void Inc(ref long x) => x++;

        public static int Main()
        {
            Fill(out Big b);
            if (Sum(b) != 10) return 1;
            Scale(ref b, 10);
            if (b.A != 10 || b.D != 40 || b.B != 2) return 2;
            var arr = new Big[3];
            Scale(ref arr[1], 2);
            Fill(out arr[2]);
            if (Sum(in arr[2]) != 10 || arr[1].A != 0) return 3;
            Inc(ref s_field); Inc(ref s_field);
            if (s_field != 2) return 4;
            Inc(ref arr[0].C);
            if (arr[0].C != 1) return 5;
            return 100;
        }
    }
}
