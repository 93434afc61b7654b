namespace Conformance.Generics
{
    /// <summary>Static fields, static constructors and caches per generic instantiation, over value and reference types.</summary>
    public static class GenericStatics
    {
        private static class TypeId<T> { public static readonly int Id = Next(); }
        private static int s_next;
        private static int Next() => ++s_next;
        private static class Cache<T> where T : new() { public static T Instance = new T(); }
        private sealed class Svc { public int Calls; }

        public static int Main()
        {
            int a = TypeId<int>.Id, b = TypeId<string>.Id, c = TypeId<int>.Id, d = TypeId<long>.Id;
            if (a != c || a == b || b == d || a == d) return 1;
            Cache<Svc>.Instance.Calls++;
            Cache<Svc>.Instance.Calls++;
            if (Cache<Svc>.Instance.Calls != 2) return 2;
            Cache<System.ValueTuple<int, int>>.Instance.Item1 = 4;
            if (Cache<System.ValueTuple<int, int>>.Instance.Item1 != 4) return 3;
            return 100;
        }
    }
}
