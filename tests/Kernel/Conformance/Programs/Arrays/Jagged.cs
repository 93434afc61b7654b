namespace Conformance.Arrays
{
    /// <summary>Jagged arrays: rows of different lengths, rows shared and replaced, arrays of multi-dimensional arrays.</summary>
    public static class Jagged
    {
        public static int Main()
        {
            int[][] tri = new int[4][];
            for (int i = 0; i < tri.Length; i++)
            {
                tri[i] = new int[i + 1];
                tri[i][0] = tri[i][i] = 1;
                for (int j = 1; j < i; j++) tri[i][j] = tri[i - 1][j - 1] + tri[i - 1][j];
            }
            if (tri[3][1] != 3 || tri[3].Length != 4) return 1;
            tri[0] = tri[3];
            tri[0][2] = 30;
            if (tri[3][2] != 30) return 2;
            int[][,] mixed = { new int[1, 1], new int[2, 2] };
            mixed[1][1, 1] = 4;
            if (mixed[1][1, 1] != 4 || mixed[1].Length != 4) return 3;
            string[][] words = { new[] { "a" }, new string[0], new[] { "b", "c" } };
            int n = 0;
            foreach (var row in words) n += row.Length;
            if (n != 3) return 4;
            return 100;
        }
    }
}
