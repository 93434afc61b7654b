namespace Conformance.Calls
{
    internal static class ConformanceExtensions
    {
        public static int Doubled(this int x) => x * 2;
        public static string Reversed(this string s)
        {
            var a = s.ToCharArray();
            for (int i = 0, j = a.Length - 1; i < j; i++, j--) { char t = a[i]; a[i] = a[j]; a[j] = t; }
            return new string(a);
        }
        public static T Or<T>(this T value, T fallback) where T : class => value ?? fallback;
        public static void Grow(ref this System.ValueTuple<int, int> p) => p.Item1++;
    }

    /// <summary>Extension methods on value types, strings, generics and by-ref receivers.</summary>
    public static class ExtensionMethods
    {
        public static int Main()
        {
            if (21.Doubled() != 42) return 1;
            if ("abc".Reversed() != "cba") return 2;
            string n = null;
            if (n.Or("d") != "d") return 3;
            var p = (1, 2);
            p.Grow();
            if (p.Item1 != 2) return 4;
            return 100;
        }
    }
}
