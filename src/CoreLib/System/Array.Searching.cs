using System.Collections.Generic;

namespace System
{
    // Sorting, searching and reordering of one-dimensional arrays, with the default order,
    // an IComparer<T> or a Comparison<T>. Sorting is an in-place heapsort: no allocation, and,
    // like .NET's introsort, not stable.
    public abstract partial class Array
    {
        public static void Sort<T>(T[] array) => Sort(array, 0, ArrayLength(array), null);
        public static void Sort<T>(T[] array, IComparer<T> comparer) => Sort(array, 0, ArrayLength(array), comparer);
        public static void Sort<T>(T[] array, int index, int length) => Sort(array, index, length, null);

        public static void Sort<T>(T[] array, int index, int length, IComparer<T> comparer)
        {
            CheckRange(array, index, length);
            SortRange<T, byte>(array, null, index, length, comparer ?? Comparer<T>.Default);
        }

        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (comparison == null) ThrowHelpers.ThrowArgumentNullException("comparison");
            SortRange<T, byte>(array, null, 0, ArrayLength(array), Comparer<T>.Create(comparison));
        }

        /// <summary>Sorts keys and reorders items the same way.</summary>
        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items) => Sort(keys, items, null);

        public static void Sort<TKey, TValue>(TKey[] keys, TValue[] items, IComparer<TKey> comparer)
        {
            int n = ArrayLength(keys);
            if (items != null && items.Length < n) ThrowHelpers.ThrowArgumentException("items is shorter than keys");
            SortRange(keys, items, 0, n, comparer ?? Comparer<TKey>.Default);
        }

        private static void SortRange<TKey, TValue>(TKey[] keys, TValue[] items, int lo, int n, IComparer<TKey> comparer)
        {
            for (int i = n / 2 - 1; i >= 0; i--) SiftDown(keys, items, lo, i, n, comparer);
            for (int end = n - 1; end > 0; end--)
            {
                Swap(keys, items, lo, lo + end);
                SiftDown(keys, items, lo, 0, end, comparer);
            }
        }

        private static void SiftDown<TKey, TValue>(TKey[] keys, TValue[] items, int lo, int root, int n, IComparer<TKey> comparer)
        {
            while (true)
            {
                int child = 2 * root + 1;
                if (child >= n) return;
                if (child + 1 < n && comparer.Compare(keys[lo + child], keys[lo + child + 1]) < 0) child++;
                if (comparer.Compare(keys[lo + root], keys[lo + child]) >= 0) return;
                Swap(keys, items, lo + root, lo + child);
                root = child;
            }
        }

        private static void Swap<TKey, TValue>(TKey[] keys, TValue[] items, int a, int b)
        {
            TKey k = keys[a]; keys[a] = keys[b]; keys[b] = k;
            if (items == null) return;
            TValue v = items[a]; items[a] = items[b]; items[b] = v;
        }

        /// <summary>The index of value in a sorted array, or the bitwise complement of where it would go.</summary>
        public static int BinarySearch<T>(T[] array, T value) => BinarySearch(array, 0, ArrayLength(array), value, null);
        public static int BinarySearch<T>(T[] array, T value, IComparer<T> comparer) => BinarySearch(array, 0, ArrayLength(array), value, comparer);

        public static int BinarySearch<T>(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            CheckRange(array, index, length);
            comparer ??= Comparer<T>.Default;
            int lo = index, hi = index + length - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int c = comparer.Compare(array[mid], value);
                if (c == 0) return mid;
                if (c < 0) lo = mid + 1; else hi = mid - 1;
            }
            return ~lo;
        }

        public static void Reverse<T>(T[] array) => Reverse(array, 0, ArrayLength(array));

        public static void Reverse<T>(T[] array, int index, int length)
        {
            CheckRange(array, index, length);
            for (int i = index, j = index + length - 1; i < j; i++, j--)
            {
                T t = array[i]; array[i] = array[j]; array[j] = t;
            }
        }

        public static int IndexOf<T>(T[] array, T value, int startIndex) => IndexOf(array, value, startIndex, ArrayLength(array) - startIndex);

        public static int IndexOf<T>(T[] array, T value, int startIndex, int count)
        {
            CheckRange(array, startIndex, count);
            for (int i = startIndex; i < startIndex + count; i++)
                if (EqualityComparer<T>.Default.Equals(array[i], value)) return i;
            return -1;
        }

        public static int LastIndexOf<T>(T[] array, T value)
        {
            for (int i = ArrayLength(array) - 1; i >= 0; i--)
                if (EqualityComparer<T>.Default.Equals(array[i], value)) return i;
            return -1;
        }

        public static bool Exists<T>(T[] array, Predicate<T> match) => FindIndex(array, match) >= 0;

        public static int FindIndex<T>(T[] array, Predicate<T> match)
        {
            for (int i = 0; i < ArrayLength(array); i++) if (match(array[i])) return i;
            return -1;
        }

        public static T Find<T>(T[] array, Predicate<T> match)
        {
            int i = FindIndex(array, match);
            return i < 0 ? default : array[i];
        }

        public static void Fill<T>(T[] array, T value)
        {
            for (int i = 0; i < ArrayLength(array); i++) array[i] = value;
        }

        private static int ArrayLength(Array array)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNullException("array");
            return array.Length;
        }

        private static void CheckRange(Array array, int index, int length)
        {
            if (index < 0 || length < 0 || length > ArrayLength(array) - index) ThrowHelpers.ThrowArgumentOutOfRangeException("length");
        }
    }
}
