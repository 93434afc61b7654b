namespace System.Collections.Generic
{
    /// <summary>
    /// Default ordering for sorting and sorted collections: through IComparable&lt;T&gt; (for value
    /// types the JIT resolves the type test at compile time), nulls first.
    /// </summary>
    public abstract class Comparer<T> : IComparer<T>
    {
        public static Comparer<T> Default { get; } = new DefaultComparer<T>();

        public static Comparer<T> Create(Comparison<T> comparison) => new ComparisonComparer<T>(comparison);

        public abstract int Compare(T x, T y);
    }

    internal sealed class DefaultComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y)
        {
            if (x == null) return y == null ? 0 : -1;
            if (y == null) return 1;
            if (x is IComparable<T>) return ((IComparable<T>)x).CompareTo(y);
            ThrowHelpers.ThrowInvalidOperationException("The type does not implement IComparable<T>.");
            return 0;
        }
    }

    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;
        public ComparisonComparer(Comparison<T> comparison) { _comparison = comparison; }
        public override int Compare(T x, T y) => _comparison(x, y);
    }
}
