namespace Conformance.Arrays
{
    /// <summary>int[,]: creation, indexing, GetLength, Rank, Length, bounds, initialisers.</summary>
    public static class TwoDimensional
    {
        public static int Main()
        {
            var m = new int[3, 4];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 4; j++)
                    m[i, j] = i * 10 + j;
            if (m.Rank != 2 || m.Length != 12) return 1;
            if (m.GetLength(0) != 3 || m.GetLength(1) != 4) return 2;
            if (m[2, 3] != 23 || m[1, 0] != 10) return 3;
            if (m.GetLowerBound(0) != 0 || m.GetUpperBound(1) != 3) return 4;
            m[1, 1] += 5;
            if (m[1, 1] != 16) return 5;
            int[,] init = { { 1, 2, 3 }, { 4, 5, 6 } };
            if (init[1, 2] != 6 || init.GetLength(0) != 2 || init.GetLength(1) != 3) return 6;
            int sum = 0;
            for (int i = 0; i < init.GetLength(0); i++)
                for (int j = 0; j < init.GetLength(1); j++) sum += init[i, j];
            if (sum != 21) return 7;
            return 100;
        }
    }
}
