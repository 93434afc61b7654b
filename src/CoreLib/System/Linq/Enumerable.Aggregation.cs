using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>LINQ's element picks, tests and aggregates (eager, as in .NET).</summary>
    public static partial class Enumerable
    {
        public static int Count<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            if (source is ICollection<TSource> collection) return collection.Count;
            if (source is IReadOnlyCollection<TSource> readOnly) return readOnly.Count;
            int n = 0;
            foreach (TSource _ in source) n++;
            return n;
        }

        public static int Count<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Check(source, predicate);
            int n = 0;
            foreach (TSource item in source) if (predicate(item)) n++;
            return n;
        }

        public static long LongCount<TSource>(this IEnumerable<TSource> source) => source.Count();

        public static bool Any<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            using IEnumerator<TSource> e = source.GetEnumerator();
            return e.MoveNext();
        }

        public static bool Any<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Check(source, predicate);
            foreach (TSource item in source) if (predicate(item)) return true;
            return false;
        }

        public static bool All<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            Check(source, predicate);
            foreach (TSource item in source) if (!predicate(item)) return false;
            return true;
        }

        public static bool Contains<TSource>(this IEnumerable<TSource> source, TSource value)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            EqualityComparer<TSource> eq = EqualityComparer<TSource>.Default;
            foreach (TSource item in source) if (eq.Equals(item, value)) return true;
            return false;
        }

        public static bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            if (first == null) ThrowHelpers.ThrowArgumentNullException("first");
            if (second == null) ThrowHelpers.ThrowArgumentNullException("second");
            EqualityComparer<TSource> eq = EqualityComparer<TSource>.Default;
            using IEnumerator<TSource> a = first.GetEnumerator();
            using IEnumerator<TSource> b = second.GetEnumerator();
            while (a.MoveNext())
                if (!b.MoveNext() || !eq.Equals(a.Current, b.Current)) return false;
            return !b.MoveNext();
        }

        public static TSource First<TSource>(this IEnumerable<TSource> source) => Pick(source, null, Position.First, orDefault: false);
        public static TSource First<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => Pick(source, NotNull(predicate), Position.First, orDefault: false);
        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source) => Pick(source, null, Position.First, orDefault: true);
        public static TSource FirstOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => Pick(source, NotNull(predicate), Position.First, orDefault: true);
        public static TSource Last<TSource>(this IEnumerable<TSource> source) => Pick(source, null, Position.Last, orDefault: false);
        public static TSource Last<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => Pick(source, NotNull(predicate), Position.Last, orDefault: false);
        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source) => Pick(source, null, Position.Last, orDefault: true);
        public static TSource LastOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => Pick(source, NotNull(predicate), Position.Last, orDefault: true);
        public static TSource Single<TSource>(this IEnumerable<TSource> source) => Pick(source, null, Position.Single, orDefault: false);
        public static TSource Single<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => Pick(source, NotNull(predicate), Position.Single, orDefault: false);
        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source) => Pick(source, null, Position.Single, orDefault: true);
        public static TSource SingleOrDefault<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate) => Pick(source, NotNull(predicate), Position.Single, orDefault: true);

        private enum Position { First, Last, Single }

        // The element at position among those that match (all when predicate is null); none is
        // default or an InvalidOperationException worded as .NET words it.
        private static TSource Pick<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate, Position position, bool orDefault)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            int matches = 0;
            TSource picked = default;
            foreach (TSource item in source)
            {
                if (predicate != null && !predicate(item)) continue;
                if (++matches > 1 && position == Position.Single)
                    ThrowHelpers.ThrowInvalidOperationException(predicate == null ? "Sequence contains more than one element" : "Sequence contains more than one matching element");
                picked = item;
                if (position == Position.First) return picked;
            }
            if (matches == 0 && !orDefault)
                ThrowHelpers.ThrowInvalidOperationException(predicate == null ? NoElements : "Sequence contains no matching element");
            return picked;
        }

        private static Func<TSource, bool> NotNull<TSource>(Func<TSource, bool> predicate)
        {
            if (predicate == null) ThrowHelpers.ThrowArgumentNullException("predicate");
            return predicate;
        }

        public static TSource ElementAt<TSource>(this IEnumerable<TSource> source, int index)
        {
            if (source == null) ThrowHelpers.ThrowArgumentNullException("source");
            if (index >= 0)
                foreach (TSource item in source) if (index-- == 0) return item;
            ThrowHelpers.ThrowArgumentOutOfRangeException("index");
            return default;
        }

        public static TAccumulate Aggregate<TSource, TAccumulate>(this IEnumerable<TSource> source, TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func)
        {
            Check(source, func);
            TAccumulate acc = seed;
            foreach (TSource item in source) acc = func(acc, item);
            return acc;
        }

        public static TSource Aggregate<TSource>(this IEnumerable<TSource> source, Func<TSource, TSource, TSource> func)
        {
            Check(source, func);
            using IEnumerator<TSource> e = source.GetEnumerator();
            if (!e.MoveNext()) ThrowHelpers.ThrowInvalidOperationException(NoElements);
            TSource acc = e.Current;
            while (e.MoveNext()) acc = func(acc, e.Current);
            return acc;
        }

        private const string NoElements = "Sequence contains no elements";
    }
}
