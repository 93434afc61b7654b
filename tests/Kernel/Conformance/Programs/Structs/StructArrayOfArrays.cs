using System;
using System.Collections.Generic;

namespace Conformance.Structs
{
    /// <summary>Structs containing fixed-size arrays of structs, updated through nested element references.</summary>
    public static class StructArrayOfArrays
    {
        private struct Cell { public int V; }
        private struct Row { public Cell[] Cells; }

        public static int Main()
        {
            var rows = new Row[3];
            for (int i = 0; i < rows.Length; i++) { rows[i].Cells = new Cell[3]; for (int j = 0; j < 3; j++) rows[i].Cells[j].V = i * 3 + j; }
            ref Cell c = ref rows[2].Cells[1];
            c.V *= 10;
            if (rows[2].Cells[1].V != 70) return 1;
            int sum = 0;
            foreach (var r in rows) foreach (var x in r.Cells) sum += x.V;
            if (sum != 36 - 7 + 70) return 2;
            return 100;
        }
    }
}
