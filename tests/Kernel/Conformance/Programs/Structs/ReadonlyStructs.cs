namespace Conformance.Structs
{
    /// <summary>readonly structs, readonly members and defensive copies of readonly fields.</summary>
    public static class ReadonlyStructs
    {
        private readonly struct Money
        {
            public readonly long Cents;
            public Money(long c) { Cents = c; }
            public Money Add(Money o) => new Money(Cents + o.Cents);
        }
        private struct Mutable { public int N; public int Next() => ++N; public readonly int Peek() => N; }
        private static readonly Mutable s_ro = new Mutable { N = 5 };

        public static int Main()
        {
            var m = new Money(150).Add(new Money(50));
            if (m.Cents != 200) return 1;
            if (s_ro.Next() != 6) return 2;       // runs on a copy
            if (s_ro.Peek() != 5) return 3;
            var local = s_ro;
            local.Next();
            if (local.N != 6) return 4;
            return 100;
        }
    }
}
