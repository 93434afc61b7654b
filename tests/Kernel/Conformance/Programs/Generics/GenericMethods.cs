namespace Conformance.Generics
{
    /// <summary>Generic methods: inference, explicit arguments, default(T), swapping through refs.</summary>
    public static class GenericMethods
    {
        private static void Swap<T>(ref T a, ref T b) { T t = a; a = b; b = t; }
        private static T Max<T>(T a, T b) where T : System.IComparable<T> => a.CompareTo(b) >= 0 ? a : b;
        private static T Default<T>() => default;
        private static int CountNonDefault<T>(T[] xs)
        {
            int n = 0;
            foreach (var x in xs) if (!System.Collections.Generic.EqualityComparer<T>.Default.Equals(x, default)) n++;
            return n;
        }

        public static int Main()
        {
            int a = 1, b = 2;
            Swap(ref a, ref b);
            string s = "x", t = "y";
            Swap(ref s, ref t);
            if (a != 2 || s != "y") return 1;
            if (Max(3, 9) != 9 || Max(7L, -1L) != 7L) return 2;
            if (Default<int>() != 0 || Default<string>() != null || Default<double>() != 0.0) return 3;
            if (CountNonDefault(new[] { 0, 1, 0, 3 }) != 2 || CountNonDefault(new[] { "a", null }) != 1) return 4;
            return 100;
        }
    }
}
