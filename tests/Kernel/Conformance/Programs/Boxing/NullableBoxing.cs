namespace Conformance.Boxing
{
    /// <summary>Boxing a Nullable&lt;T&gt; boxes its value or gives null; unboxing to T? accepts both.</summary>
    public static class NullableBoxing
    {
        public static int Main()
        {
            int? a = 3, n = null;
            object oa = a, on = n;
            if (on != null) return 1;
            if (!(oa is int) || (int)oa != 3) return 2;
            int? back = (int?)oa;
            if (back != 3) return 3;
            int? none = (int?)on;
            if (none.HasValue) return 4;
            return 100;
        }
    }
}
