using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// LINQ to objects: the operators ordinary code reaches for, as lazy iterators where .NET's are
    /// lazy. Every call allocates its iterator on the kernel heap (there is no GC), so keep LINQ to
    /// set-up code, not hot paths.
    /// </summary>
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Check(source, predicate);
            return WhereIterator(source, predicate);
        }

        private static IEnumerable<T> WhereIterator<T>(IEnumerable<T> source, Func<T, bool> predicate)
        {
            foreach (T item in source) if (predicate(item)) yield return item;
        }

        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            Check(source, predicate);
            return WhereIndexed(source, predicate);
        }

        private static IEnumerable<T> WhereIndexed<T>(IEnumerable<T> source, Func<T, int, bool> predicate)
        {
            int i = 0;
            foreach (T item in source) if (predicate(item, i++)) yield return item;
        }

        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            Check(source, selector);
            return SelectIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> selector)
        {
            foreach (TSource item in source) yield return selector(item);
        }

        public static IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            Check(source, selector);
            return SelectIndexed(source, selector);
        }

        private static IEnumerable<TResult> SelectIndexed<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, int, TResult> selector)
        {
            int i = 0;
            foreach (TSource item in source) yield return selector(item, i++);
        }

        public static IEnumerable<TResult> SelectMany<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            Check(source, selector);
            return SelectManyIterator(source, selector);
        }

        private static IEnumerable<TResult> SelectManyIterator<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            foreach (TSource item in source)
                foreach (TResult inner in selector(item)) yield return inner;
        }

        public static IEnumerable<TResult> Cast<TResult>(this System.Collections.IEnumerable source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            return CastIterator<TResult>(source);
        }

        private static IEnumerable<TResult> CastIterator<TResult>(System.Collections.IEnumerable source)
        {
            foreach (object item in source) yield return (TResult)item;
        }

        public static IEnumerable<TResult> OfType<TResult>(this System.Collections.IEnumerable source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            return OfTypeIterator<TResult>(source);
        }

        private static IEnumerable<TResult> OfTypeIterator<TResult>(System.Collections.IEnumerable source)
        {
            foreach (object item in source) if (item is TResult result) yield return result;
        }

        public static IEnumerable<TSource> Skip<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            return SkipIterator(source, count);
        }

        private static IEnumerable<T> SkipIterator<T>(IEnumerable<T> source, int count)
        {
            foreach (T item in source) if (count-- <= 0) yield return item;
        }

        public static IEnumerable<TSource> Take<TSource>(this IEnumerable<TSource> source, int count)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            return TakeIterator(source, count);
        }

        private static IEnumerable<T> TakeIterator<T>(IEnumerable<T> source, int count)
        {
            if (count <= 0) yield break;
            foreach (T item in source)
            {
                yield return item;
                if (--count == 0) yield break;
            }
        }

        public static IEnumerable<TSource> SkipWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Check(source, predicate);
            return SkipWhileIterator(source, predicate);
        }

        private static IEnumerable<T> SkipWhileIterator<T>(IEnumerable<T> source, Func<T, bool> predicate)
        {
            bool yielding = false;
            foreach (T item in source)
            {
                if (!yielding && !predicate(item)) yielding = true;
                if (yielding) yield return item;
            }
        }

        public static IEnumerable<TSource> TakeWhile<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Check(source, predicate);
            return TakeWhileIterator(source, predicate);
        }

        private static IEnumerable<T> TakeWhileIterator<T>(IEnumerable<T> source, Func<T, bool> predicate)
        {
            foreach (T item in source)
            {
                if (!predicate(item)) yield break;
                yield return item;
            }
        }

        public static IEnumerable<TSource> Concat<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            if (first == null) ThrowHelpers.ThrowArgumentNullException("first");
            if (second == null) ThrowHelpers.ThrowArgumentNullException("second");
            return ConcatIterator(first, second);
        }

        private static IEnumerable<T> ConcatIterator<T>(IEnumerable<T> first, IEnumerable<T> second)
        {
            foreach (T item in first) yield return item;
            foreach (T item in second) yield return item;
        }

        public static IEnumerable<TResult> Zip<TFirst, TSecond, TResult>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
        {
            if (first == null) ThrowHelpers.ThrowArgumentNullException("first");
            if (second == null) ThrowHelpers.ThrowArgumentNullException("second");
            if (resultSelector == null) ThrowHelpers.ThrowArgumentNullException("resultSelector");
            return ZipIterator(first, second, resultSelector);
        }

        private static IEnumerable<TResult> ZipIterator<TFirst, TSecond, TResult>(IEnumerable<TFirst> first, IEnumerable<TSecond> second, Func<TFirst, TSecond, TResult> resultSelector)
        {
            using IEnumerator<TFirst> a = first.GetEnumerator();
            using IEnumerator<TSecond> b = second.GetEnumerator();
            while (a.MoveNext() && b.MoveNext()) yield return resultSelector(a.Current, b.Current);
        }

        public static IEnumerable<(TFirst First, TSecond Second)> Zip<TFirst, TSecond>(this IEnumerable<TFirst> first, IEnumerable<TSecond> second)
            => first.Zip(second, (a, b) => (a, b));

        public static IEnumerable<TSource> Distinct<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            return DistinctIterator(source);
        }

        private static IEnumerable<T> DistinctIterator<T>(IEnumerable<T> source)
        {
            var seen = new HashSet<T>();
            foreach (T item in source) if (seen.Add(item)) yield return item;
        }

        public static IEnumerable<TSource> Reverse<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            return ReverseIterator(source);
        }

        private static IEnumerable<T> ReverseIterator<T>(IEnumerable<T> source)
        {
            T[] items = source.ToArray();
            for (int i = items.Length - 1; i >= 0; i--) yield return items[i];
        }

        private static void Check<TSource, TDelegate>(IEnumerable<TSource> source, TDelegate function) where TDelegate : class
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            if (function == null) ThrowHelpers.ThrowArgumentNullException("selector");
        }
    }
}
