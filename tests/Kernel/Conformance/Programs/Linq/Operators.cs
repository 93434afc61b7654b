using System;
using System.Collections.Generic;
using System.Linq;

namespace Conformance.Linq
{
    /// <summary>LINQ to objects: filtering, projection, partitioning, set and element operators,
    /// aggregates, conversions, and laziness (a query runs when enumerated, each time).</summary>
    public static class Operators
    {
        private static bool Same<T>(IEnumerable<T> actual, params T[] expected) => actual.SequenceEqual(expected);

        public static int Main()
        {
            int[] numbers = { 5, 3, 8, 1, 9, 2, 8 };
            if (!Same(numbers.Where(n => n > 4), 5, 8, 9, 8)) return 1;
            if (!Same(numbers.Where((n, i) => i % 3 == 0), 5, 1, 8)) return 2;
            if (!Same(numbers.Select(n => n * 10).Take(3), 50, 30, 80)) return 3;
            if (!Same(numbers.Select((n, i) => n + i).Skip(5), 7, 14)) return 4;
            if (!Same(new[] { "ab", "c" }.SelectMany(s => s.ToCharArray()), 'a', 'b', 'c')) return 5;
            if (!Same(numbers.Distinct(), 5, 3, 8, 1, 9, 2)) return 6;
            if (!Same(numbers.TakeWhile(n => n != 1).SkipWhile(n => n < 4), 5, 3, 8)) return 7;
            if (!Same(numbers.Reverse().Take(2), 8, 2)) return 8;
            if (!Same(Enumerable.Range(3, 4).Concat(Enumerable.Repeat(0, 2)), 3, 4, 5, 6, 0, 0)) return 9;
            if (!Same(Enumerable.Range(1, 3).Zip(new[] { "a", "b" }, (n, s) => s + n), "a1", "b2")) return 10;

            if (numbers.Count() != 7 || numbers.Count(n => n == 8) != 2 || !numbers.Any() || Enumerable.Empty<int>().Any()) return 11;
            if (!numbers.All(n => n > 0) || !numbers.Any(n => n == 9) || !numbers.Contains(2) || numbers.Contains(4)) return 12;
            if (numbers.First() != 5 || numbers.First(n => n > 5) != 8 || numbers.Last() != 8 || numbers.Last(n => n < 5) != 2) return 13;
            if (numbers.FirstOrDefault(n => n > 100) != 0 || numbers.Single(n => n == 9) != 9 || numbers.ElementAt(4) != 9) return 14;
            if (numbers.Sum() != 36 || numbers.Min() != 1 || numbers.Max() != 9 || numbers.Average() != 36.0 / 7) return 15;
            if (numbers.Sum(n => (long)n * n) != 248 || Math.Abs(new[] { 0.5, 0.25 }.Sum() - 0.75) != 0) return 16;
            if (numbers.Aggregate((a, b) => a * 10 + b) != 5381928 || numbers.Aggregate("", (s, n) => s + n) != "5381928") return 17;
            if (new[] { "kiwi", "fig", "banana" }.MaxBy(s => s.Length) != "banana" || new[] { "kiwi", "fig" }.Min(s => s.Length) != 3) return 18;
            if (new string[0].Max() != null) return 19;                       // reference types: null, not a throw

            List<int> list = numbers.Where(n => n % 2 == 0).ToList();
            int[] array = numbers.Select(n => -n).ToArray();
            HashSet<int> set = numbers.ToHashSet();
            Dictionary<int, string> names = Enumerable.Range(1, 3).ToDictionary(n => n, n => "#" + n);
            if (!Same(list, 8, 2, 8) || array[6] != -8 || set.Count != 6 || names[2] != "#2") return 20;

            int evaluated = 0;
            IEnumerable<int> lazy = numbers.Where(n => { evaluated++; return n > 5; });
            if (evaluated != 0) return 21;                                   // nothing runs until enumerated
            if (lazy.Count() != 3 || lazy.Count() != 3 || evaluated != 14) return 22;

            object[] mixed = { 1, "two", 3, "four" };
            if (!Same(mixed.OfType<string>(), "two", "four") || mixed.Take(1).Cast<int>().Single() != 1) return 23;

            if (!Throws<InvalidOperationException>(() => Enumerable.Empty<int>().First())) return 24;
            if (!Throws<InvalidOperationException>(() => numbers.Single(n => n == 8))) return 25;
            if (!Throws<InvalidOperationException>(() => new int[0].Max())) return 26;
            if (!Throws<InvalidOperationException>(() => new int[0].Average())) return 27;
            if (!Throws<OverflowException>(() => new[] { int.MaxValue, 1 }.Sum())) return 28;
            if (!Throws<ArgumentNullException>(() => numbers.Where((Func<int, bool>)null))) return 29;
            return 100;
        }

        private static bool Throws<T>(Func<object> action) where T : Exception
        {
            try { action(); }
            catch (T) { return true; }
            return false;
        }
    }
}
