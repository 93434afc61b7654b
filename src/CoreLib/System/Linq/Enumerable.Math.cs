using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>LINQ's Sum, Min, Max and Average over the primitive numbers and, for Min and Max, any comparable type.</summary>
    public static partial class Enumerable
    {
        public static int Sum(this IEnumerable<int> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            int sum = 0;
            foreach (int x in source) sum = checked(sum + x);       // .NET's Sum of ints is checked
            return sum;
        }

        public static long Sum(this IEnumerable<long> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            long sum = 0;
            foreach (long x in source) sum = checked(sum + x);
            return sum;
        }

        public static double Sum(this IEnumerable<double> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            double sum = 0;
            foreach (double x in source) sum += x;
            return sum;
        }

        public static float Sum(this IEnumerable<float> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            double sum = 0;                                       // .NET accumulates floats in a double
            foreach (float x in source) sum += x;
            return (float)sum;
        }

        public static int Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => source.Select(selector).Sum();
        public static long Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, long> selector) => source.Select(selector).Sum();
        public static double Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => source.Select(selector).Sum();
        public static float Sum<TSource>(this IEnumerable<TSource> source, Func<TSource, float> selector) => source.Select(selector).Sum();

        public static double Average(this IEnumerable<int> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            long sum = 0, n = 0;
            foreach (int x in source) { sum = checked(sum + x); n++; }
            if (n == 0) ThrowHelpers.ThrowInvalidOperationException(NoElements);
            return (double)sum / n;
        }

        public static double Average(this IEnumerable<long> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            long sum = 0, n = 0;
            foreach (long x in source) { sum = checked(sum + x); n++; }
            if (n == 0) ThrowHelpers.ThrowInvalidOperationException(NoElements);
            return (double)sum / n;
        }

        public static double Average(this IEnumerable<double> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            double sum = 0;
            long n = 0;
            foreach (double x in source) { sum += x; n++; }
            if (n == 0) ThrowHelpers.ThrowInvalidOperationException(NoElements);
            return sum / n;
        }

        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, int> selector) => source.Select(selector).Average();
        public static double Average<TSource>(this IEnumerable<TSource> source, Func<TSource, double> selector) => source.Select(selector).Average();

        /// <summary>The least element by Comparer&lt;T&gt;.Default (for doubles: NaN is the least, as in .NET).</summary>
        public static TSource Min<TSource>(this IEnumerable<TSource> source) => Extreme(source, sign: -1);

        public static TSource Max<TSource>(this IEnumerable<TSource> source) => Extreme(source, sign: 1);

        public static TResult Min<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector) => source.Select(selector).Min();
        public static TResult Max<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector) => source.Select(selector).Max();

        public static TSource MinBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => ExtremeBy(source, keySelector, sign: -1);
        public static TSource MaxBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector) => ExtremeBy(source, keySelector, sign: 1);

        // The first element whose comparison with every other has this sign (or is 0). An empty
        // sequence throws for value types and gives null for reference types, as .NET does.
        private static TSource Extreme<TSource>(IEnumerable<TSource> source, int sign) => ExtremeBy(source, static x => x, sign);

        private static TSource ExtremeBy<TSource, TKey>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, int sign)
        {
            Check(source, keySelector);
            Comparer<TKey> comparer = Comparer<TKey>.Default;
            bool any = false;
            TSource best = default;
            TKey bestKey = default;
            foreach (TSource item in source)
            {
                TKey key = keySelector(item);
                if (key == null) continue;                          // nulls are skipped, as in .NET
                if (!any || comparer.Compare(key, bestKey) * sign > 0) { best = item; bestKey = key; any = true; }
            }
            if (!any && default(TSource) != null) ThrowHelpers.ThrowInvalidOperationException(NoElements);
            return best;
        }
    }
}
