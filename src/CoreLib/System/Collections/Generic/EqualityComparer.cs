using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    public interface IEqualityComparer<in T>
    {
        bool Equals(T x, T y);
        int GetHashCode(T obj);
    }

    public interface IComparer<in T>
    {
        int Compare(T x, T y);
    }

    /// <summary>
    /// Default equality for collections. Types implementing IEquatable&lt;T&gt; are compared through
    /// it (for value types the JIT resolves the type test at compile time and calls Equals without
    /// boxing), everything else through Object.Equals.
    /// </summary>
    public abstract class EqualityComparer<T> : IEqualityComparer<T>
    {
        public static EqualityComparer<T> Default { get; } = new DefaultEqualityComparer<T>();

        public abstract bool Equals(T x, T y);
        public abstract int GetHashCode(T obj);
    }

    internal sealed class DefaultEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x is IEquatable<T>)
                return ((IEquatable<T>)x).Equals(y);
            if (x == null) return y == null;
            if (y == null) return false;
            return x.Equals(y);
        }

        public override int GetHashCode(T obj) => obj == null ? 0 : obj.GetHashCode();
    }
}
