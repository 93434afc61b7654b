namespace Conformance.Generics
{
    /// <summary>default(T), == null on unconstrained T (false for values), is T patterns and as with generics.</summary>
    public static class DefaultAndNullChecks
    {
        private static bool IsNull<T>(T x) => x == null;
        private static bool IsDefault<T>(T x) => System.Collections.Generic.EqualityComparer<T>.Default.Equals(x, default);
        private static string Describe<T>(object o) => o is T t ? "is:" + t : "not";

        public static int Main()
        {
            if (IsNull(0) || !IsNull<string>(null) || IsNull("a")) return 1;
            int? n = null;
            if (!IsNull(n)) return 2;
            if (!IsDefault(0) || !IsDefault<string>(null) || IsDefault(1.5)) return 3;
            if (Describe<int>(5) != "is:5" || Describe<string>(5) != "not") return 4;
            if (Describe<object>("x") != "is:x") return 5;
            return 100;
        }
    }
}
