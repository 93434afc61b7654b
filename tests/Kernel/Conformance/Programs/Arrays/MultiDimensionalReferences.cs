namespace Conformance.Arrays
{
    /// <summary>Multi-dimensional arrays of strings and structs, and of a rank-4 shape.</summary>
    public static class MultiDimensionalReferences
    {
        private struct Cell { public int A; public string S; }

        public static int Main()
        {
            var names = new string[2, 2];
            names[0, 1] = "x";
            names[1, 0] = "y";
            if (names[0, 0] != null || names[0, 1] + names[1, 0] != "xy") return 1;
            var cells = new Cell[2, 3];
            cells[1, 2].A = 7;
            cells[1, 2].S = "s";
            if (cells[1, 2].A != 7 || cells[0, 0].S != null) return 2;
            var hyper = new byte[2, 2, 2, 2];
            hyper[1, 1, 1, 1] = 9;
            if (hyper.Rank != 4 || hyper.Length != 16 || hyper[1, 1, 1, 1] != 9) return 3;
            object o = names;
            if (!(o is string[,]) || o is string[]) return 4;
            var objs = new object[1, 2];
            objs[0, 1] = 5;
            if ((int)objs[0, 1] != 5) return 5;
            return 100;
        }
    }
}
