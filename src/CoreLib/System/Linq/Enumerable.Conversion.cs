using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>LINQ's generators and its conversions to collections.</summary>
    public static partial class Enumerable
    {
        public static IEnumerable<int> Range(int start, int count)
        {
            if (count < 0 || (long)start + count - 1 > int.MaxValue) ThrowHelpers.ThrowArgumentOutOfRangeException("count");
            return RangeIterator(start, count);
        }

        private static IEnumerable<int> RangeIterator(int start, int count)
        {
            for (int i = 0; i < count; i++) yield return start + i;
        }

        public static IEnumerable<TResult> Repeat<TResult>(TResult element, int count)
        {
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRangeException("count");
            return RepeatIterator(element, count);
        }

        private static IEnumerable<T> RepeatIterator<T>(T element, int count)
        {
            for (int i = 0; i < count; i++) yield return element;
        }

        public static IEnumerable<TResult> Empty<TResult>() => Array.Empty<TResult>();

        public static IEnumerable<TSource> AsEnumerable<TSource>(this IEnumerable<TSource> source) => source;

        public static TSource[] ToArray<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            return new List<TSource>(source).ToArray();
        }

        public static List<TSource> ToList<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            return new List<TSource>(source);
        }

        public static HashSet<TSource> ToHashSet<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            var set = new HashSet<TSource>();
            foreach (TSource item in source) set.Add(item);
            return set;
        }

        public static Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => source.ToDictionary(keySelector, static x => x);

        public static Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
        {
            Check(source, keySelector);
            if (elementSelector == null) ThrowHelpers.ThrowArgumentNullException("elementSelector");
            var d = new Dictionary<TKey, TElement>();
            foreach (TSource item in source) d.Add(keySelector(item), elementSelector(item));
            return d;
        }
    }
}
