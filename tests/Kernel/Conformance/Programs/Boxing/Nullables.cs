namespace Conformance.Boxing
{
    /// <summary>Nullable&lt;T&gt;: HasValue, Value, GetValueOrDefault, lifted operators and comparisons, ?? and conversions.</summary>
    public static class Nullables
    {
        private static int? Parse(string s) => s.Length > 0 && char.IsDigit(s[0]) ? s[0] - '0' : null;

        public static int Main()
        {
            int? a = 5, n = null;
            if (!a.HasValue || a.Value != 5 || n.HasValue) return 1;
            if (n.GetValueOrDefault() != 0 || n.GetValueOrDefault(7) != 7) return 2;
            int? sum = a + n;
            if (sum.HasValue) return 3;
            if (a + 1 != 6) return 4;
            if (a > n || a < n || n == 0) return 5;       // comparisons with null are false
            if (n != null || a == null) return 6;
            if ((n ?? 9) != 9 || (a ?? 9) != 5) return 7;
            if (Parse("7") != 7 || Parse("x") != null) return 8;
            double? d = a;
            if (d != 5.0) return 9;
            bool? t = true, u = null;
            if ((t & u) != null || (t | u) != true) return 10;
            long? big = int.MaxValue;
            big++;
            if (big != 2147483648L) return 11;
            return 100;
        }
    }
}
