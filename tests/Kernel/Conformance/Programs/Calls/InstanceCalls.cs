namespace Conformance.Calls
{
    /// <summary>Instance methods, properties, indexers and constructor chaining on a class.</summary>
    public static class InstanceCalls
    {
        private sealed class Counter
        {
            private readonly int[] _slots = new int[4];
            public int Total { get; private set; }
            public string Name { get; }
            public Counter() : this("anon") { }
            public Counter(string name) { Name = name; }
            public void Add(int n) { Total += n; _slots[n & 3]++; }
            public int this[int slot] => _slots[slot];
            public Counter Then(int n) { Add(n); return this; }
        }

        public static int Main()
        {
            var c = new Counter();
            c.Then(1).Then(2).Then(5);
            if (c.Total != 8) return 1;
            if (c[1] != 2 || c[2] != 1) return 2;
            if (c.Name != "anon") return 3;
            if (new Counter("x").Name != "x") return 4;
            return 100;
        }
    }
}
