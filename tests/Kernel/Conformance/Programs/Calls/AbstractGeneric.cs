namespace Conformance.Calls
{
    /// <summary>Abstract generic base classes with virtual calls from the base into derived specialisations.</summary>
    public static class AbstractGeneric
    {
        private abstract class Reducer<T>
        {
            protected abstract T Combine(T a, T b);
            protected abstract T Seed { get; }
            public T Reduce(T[] xs) { T acc = Seed; foreach (var x in xs) acc = Combine(acc, x); return acc; }
        }
        private sealed class Sum : Reducer<int> { protected override int Combine(int a, int b) => a + b; protected override int Seed => 0; }
        private sealed class Concat : Reducer<string> { protected override string Combine(string a, string b) => a + b; protected override string Seed => ">"; }
        private sealed class Max : Reducer<double> { protected override double Combine(double a, double b) => a > b ? a : b; protected override double Seed => double.MinValue; }

        public static int Main()
        {
            if (new Sum().Reduce(new[] { 1, 2, 3, 4 }) != 10) return 1;
            if (new Concat().Reduce(new[] { "a", "b" }) != ">ab") return 2;
            if (new Max().Reduce(new[] { -1.5, 7.25, 3.0 }) != 7.25) return 3;
            Reducer<int> r = new Sum();
            if (r.Reduce(new int[0]) != 0) return 4;
            return 100;
        }
    }
}
