namespace Conformance.Control
{
    /// <summary>ValueTuple creation, names, deconstruction, swapping and tuple returns.</summary>
    public static class Tuples
    {
        private static (int Min, int Max) Range(int[] xs)
        {
            int lo = int.MaxValue, hi = int.MinValue;
            foreach (int x in xs) { if (x < lo) lo = x; if (x > hi) hi = x; }
            return (lo, hi);
        }

        private sealed class Person { public string Name = "ann"; public int Age = 30; public void Deconstruct(out string n, out int a) { n = Name; a = Age; } }

        public static int Main()
        {
            var r = Range(new[] { 4, -2, 9 });
            if (r.Min != -2 || r.Max != 9) return 1;
            var (lo, hi) = r;
            if (lo + hi != 7) return 2;
            int a = 1, b = 2;
            (a, b) = (b, a);
            if (a != 2 || b != 1) return 3;
            var (name, age) = new Person();
            if (name != "ann" || age != 30) return 4;
            var t = ("two", (byte)7, 'c');
            if (t.Item1 != "two" || t.Item2 != 7 || t.Item3 != 'c') return 5;
            (int, int) u = default;
            if (u.Item1 != 0) return 6;
            return 100;
        }
    }
}
