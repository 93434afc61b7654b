namespace Conformance.Arrays
{
    /// <summary>foreach over multi-dimensional arrays visits elements in row-major order, for any rank and element type; arrays enumerate through IEnumerable too.</summary>
    public static class ForeachMultiDimensional
    {
        public static int Main()
        {
            int[,] grid = { { 1, 2, 3 }, { 4, 5, 6 } };
            int order = 0;
            foreach (int v in grid) order = order * 10 + v;
            if (order != 123456) return 1;
            string[,,] cube = new string[2, 2, 2];
            cube[0, 0, 0] = "a"; cube[0, 1, 1] = "b"; cube[1, 0, 1] = "c"; cube[1, 1, 1] = "d";
            string seen = "";
            foreach (string s in cube) seen += s ?? ".";
            if (seen != "a..b.c.d") return 2;
            double[,] empty = new double[0, 4];
            int count = 0;
            foreach (double d in empty) count++;
            if (count != 0) return 3;
            long total = 0;
            foreach (long x in new long[3, 1] { { 5 }, { 6 }, { 7 } }) total += x;
            if (total != 18) return 4;
            System.Collections.IEnumerable boxed = grid;     // through the interface: boxed elements
            int product = 1;
            foreach (object o in boxed) product *= (int)o;
            if (product != 720) return 5;
            System.Collections.IEnumerator e = ((System.Collections.IEnumerable)cube).GetEnumerator();
            if (!e.MoveNext() || (string)e.Current != "a" || !e.MoveNext() || e.Current != null) return 6;
            return 100;
        }
    }
}
