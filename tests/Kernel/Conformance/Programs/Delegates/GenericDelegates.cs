using System;

namespace Conformance.Delegates
{
    /// <summary>Func/Action/Predicate/Comparison over value and reference types, and higher-order helpers.</summary>
    public static class GenericDelegates
    {
        private static TOut[] Map<TIn, TOut>(TIn[] xs, Func<TIn, TOut> f)
        {
            var r = new TOut[xs.Length];
            for (int i = 0; i < xs.Length; i++) r[i] = f(xs[i]);
            return r;
        }
        private static T Fold<T>(T[] xs, T seed, Func<T, T, T> f) { foreach (var x in xs) seed = f(seed, x); return seed; }

        public static int Main()
        {
            var lens = Map(new[] { "a", "bb", "ccc" }, s => s.Length);
            if (Fold(lens, 0, (a, b) => a + b) != 6) return 1;
            var strs = Map(new[] { 1.5, 2.5 }, d => (d * 2).ToString());
            if (strs[0] != "3" || strs[1] != "5") return 2;
            Predicate<int> even = x => x % 2 == 0;
            if (!even(4) || even(3)) return 3;
            Comparison<string> byLen = (a, b) => a.Length - b.Length;
            if (byLen("aa", "b") <= 0) return 4;
            Action<int, int, int, int, int> five = (a, b, c, d, e) => { if (a + b + c + d + e != 15) throw null; };
            five(1, 2, 3, 4, 5);
            Func<long, long, long, long> mad = (a, b, c) => a * b + c;
            if (mad(3, 4, 5) != 17) return 5;
            return 100;
        }
    }
}
