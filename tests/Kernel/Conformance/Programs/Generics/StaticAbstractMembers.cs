namespace Conformance.Generics
{
    /// <summary>Static abstract (and virtual) interface members, called through type parameters.</summary>
    public static class StaticAbstractMembers
    {
        private interface IMonoid<T> where T : IMonoid<T>
        {
            static abstract T Zero { get; }
            static abstract T operator +(T a, T b);
            static virtual string Name => "monoid";
        }
        private readonly struct Sum : IMonoid<Sum>
        {
            public readonly int V;
            public Sum(int v) { V = v; }
            public static Sum Zero => new Sum(0);
            public static Sum operator +(Sum a, Sum b) => new Sum(a.V + b.V);
        }
        private sealed class Text : IMonoid<Text>
        {
            public string S = "";
            public static Text Zero => new Text();
            public static Text operator +(Text a, Text b) => new Text { S = a.S + b.S };
            public static string Name => "text";
        }

        private static T Fold<T>(T[] xs) where T : IMonoid<T>
        {
            T acc = T.Zero;
            foreach (var x in xs) acc += x;
            return acc;
        }
        private static string NameOf<T>() where T : IMonoid<T> => T.Name;

        public static int Main()
        {
            if (Fold(new[] { new Sum(1), new Sum(2), new Sum(3) }).V != 6) return 1;
            if (Fold(new[] { new Text { S = "a" }, new Text { S = "b" } }).S != "ab") return 2;
            if (Fold(new Sum[0]).V != 0) return 3;
            if (NameOf<Sum>() != "monoid" || NameOf<Text>() != "text") return 4;
            return 100;
        }
    }
}
