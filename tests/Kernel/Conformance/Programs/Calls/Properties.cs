namespace Conformance.Calls
{
    /// <summary>Auto-properties, init-only setters, computed and virtual properties, static properties, indexers with two keys.</summary>
    public static class Properties
    {
        private class Temp
        {
            public double Celsius { get; set; }
            public double Fahrenheit { get => Celsius * 9 / 5 + 32; set => Celsius = (value - 32) * 5 / 9; }
            public string Unit { get; init; } = "C";
            public virtual string Describe => Celsius + Unit;
            public static int Created { get; private set; }
            public Temp() { Created++; }
        }
        private sealed class Grid
        {
            private readonly int[] _cells = new int[9];
            public int this[int r, int c] { get => _cells[r * 3 + c]; set => _cells[r * 3 + c] = value; }
        }

        public static int Main()
        {
            var t = new Temp { Fahrenheit = 212 };
            if (t.Celsius != 100) return 1;
            var k = new Temp { Unit = "K", Celsius = 5 };
            if (k.Describe != "5K" || t.Unit != "C") return 2;
            if (Temp.Created != 2) return 3;
            var g = new Grid();
            g[1, 2] = 7;
            g[2, 0] += 3;
            if (g[1, 2] != 7 || g[2, 0] != 3 || g[0, 0] != 0) return 4;
            return 100;
        }
    }
}
