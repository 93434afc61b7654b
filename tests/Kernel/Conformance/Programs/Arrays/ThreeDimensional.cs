namespace Conformance.Arrays
{
    /// <summary>double[,,]: indexing in row-major order, ref to an element, GetLength per dimension.</summary>
    public static class ThreeDimensional
    {
        private static void Bump(ref double d) => d += 0.5;

        public static int Main()
        {
            var a = new double[2, 3, 4];
            if (a.Rank != 3 || a.Length != 24) return 1;
            if (a.GetLength(2) != 4 || a.GetLength(1) != 3) return 2;
            int n = 0;
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 3; j++)
                    for (int k = 0; k < 4; k++)
                        a[i, j, k] = n++;
            if (a[1, 2, 3] != 23.0 || a[1, 0, 0] != 12.0) return 3;
            Bump(ref a[0, 1, 2]);
            if (a[0, 1, 2] != 6.5) return 4;
            double total = 0;
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 3; j++)
                    for (int k = 0; k < 4; k++) total += a[i, j, k];
            if (total != 276.5) return 5;
            return 100;
        }
    }
}
