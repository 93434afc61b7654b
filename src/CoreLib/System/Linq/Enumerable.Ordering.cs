using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    public interface IOrderedEnumerable<out TElement> : IEnumerable<TElement> { }

    public interface IGrouping<out TKey, out TElement> : IEnumerable<TElement>
    {
        TKey Key { get; }
    }

    /// <summary>LINQ's sorting (stable, as .NET's) and grouping (groups in order of first appearance).</summary>
    public static partial class Enumerable
    {
        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => new OrderedEnumerable<TSource>(source, null, By(keySelector, null, descending: false));

        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
            => new OrderedEnumerable<TSource>(source, null, By(keySelector, comparer, descending: false));

        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => new OrderedEnumerable<TSource>(source, null, By(keySelector, null, descending: true));

        public static IOrderedEnumerable<TSource> Order<TSource>(this IEnumerable<TSource> source) => source.OrderBy(static x => x);

        public static IOrderedEnumerable<TSource> OrderDescending<TSource>(this IEnumerable<TSource> source) => source.OrderByDescending(static x => x);

        // ThenBy builds on the OrderedEnumerable it is given rather than calling a generic virtual
        // method on it (.NET's CreateOrderedEnumerable<TKey>), which the kernel cannot dispatch.
        public static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => new OrderedEnumerable<TSource>(Ordered(source), Ordered(source).Comparison, By(keySelector, null, descending: false));

        public static IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => new OrderedEnumerable<TSource>(Ordered(source), Ordered(source).Comparison, By(keySelector, null, descending: true));

        private static OrderedEnumerable<TSource> Ordered<TSource>(IOrderedEnumerable<TSource> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            if (source is not OrderedEnumerable<TSource> ordered)
            {
                ThrowHelpers.ThrowNotSupportedException();
                return null;
            }
            return ordered;
        }

        private static Comparison<TSource> By<TSource, TKey>(Func<TSource, TKey> keySelector, IComparer<TKey> comparer, bool descending)
        {
            if (keySelector == null) ThrowHelpers.ThrowArgumentNullException("keySelector");
            IComparer<TKey> c = comparer ?? Comparer<TKey>.Default;
            if (descending) return (a, b) => c.Compare(keySelector(b), keySelector(a));
            return (a, b) => c.Compare(keySelector(a), keySelector(b));
        }

        private sealed class OrderedEnumerable<T> : IOrderedEnumerable<T>
        {
            private readonly IEnumerable<T> _source;    // the unsorted sequence, also for ThenBy
            internal readonly Comparison<T> Comparison;

            public OrderedEnumerable(IEnumerable<T> source, Comparison<T> primary, Comparison<T> next)
            {
                if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
                _source = source is OrderedEnumerable<T> ordered ? ordered._source : source;
                Comparison = primary == null ? next : (a, b) => { int c = primary(a, b); return c != 0 ? c : next(a, b); };
            }

            public IEnumerator<T> GetEnumerator()
            {
                T[] items = _source.ToArray();
                StableSort(items, Comparison);
                return ((IEnumerable<T>)items).GetEnumerator();
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            // A merge sort: equal elements keep their order, as OrderBy promises.
            private static void StableSort(T[] items, Comparison<T> compare)
            {
                var buffer = new T[items.Length];
                for (int width = 1; width < items.Length; width *= 2)
                {
                    for (int lo = 0; lo < items.Length; lo += 2 * width)
                    {
                        int mid = Math.Min(lo + width, items.Length), hi = Math.Min(lo + 2 * width, items.Length);
                        int i = lo, j = mid, k = lo;
                        while (i < mid && j < hi) buffer[k++] = compare(items[j], items[i]) < 0 ? items[j++] : items[i++];
                        while (i < mid) buffer[k++] = items[i++];
                        while (j < hi) buffer[k++] = items[j++];
                    }
                    Array.Copy(buffer, items, items.Length);
                }
            }
        }

        public static IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => source.GroupBy(keySelector, static x => x);

        public static IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
        {
            Check(source, keySelector);
            if (elementSelector == null) ThrowHelpers.ThrowArgumentNullException("elementSelector");
            return GroupIterator(source, keySelector, elementSelector);
        }

        private static IEnumerable<IGrouping<TKey, TElement>> GroupIterator<TSource, TKey, TElement>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
        {
            var byKey = new Dictionary<TKey, Grouping<TKey, TElement>>();
            var order = new List<Grouping<TKey, TElement>>();
            foreach (TSource item in source)
            {
                TKey key = keySelector(item);
                if (!byKey.TryGetValue(key, out Grouping<TKey, TElement> group))
                {
                    group = new Grouping<TKey, TElement>(key);
                    byKey.Add(key, group);
                    order.Add(group);
                }
                group.Elements.Add(elementSelector(item));
            }
            foreach (Grouping<TKey, TElement> group in order) yield return group;
        }

        private sealed class Grouping<TKey, TElement> : IGrouping<TKey, TElement>
        {
            public Grouping(TKey key) => Key = key;
            public TKey Key { get; }
            public readonly List<TElement> Elements = new List<TElement>();
            public IEnumerator<TElement> GetEnumerator() => Elements.GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => Elements.GetEnumerator();
        }
    }
}
