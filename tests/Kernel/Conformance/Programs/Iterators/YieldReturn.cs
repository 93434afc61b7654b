using System.Collections.Generic;

namespace Conformance.Iterators
{
    /// <summary>yield return / yield break in IEnumerable and IEnumerator iterators, lazily evaluated.</summary>
    public static class YieldReturn
    {
        private static int s_produced;

        private static IEnumerable<int> Range(int from, int count)
        {
            for (int i = 0; i < count; i++) { s_produced++; yield return from + i; }
        }

        private static IEnumerator<string> Words()
        {
            yield return "a";
            yield return "b";
            yield break;
        }

        private static IEnumerable<int> UpTo(int limit)
        {
            int i = 0;
            while (true) { if (i > limit) yield break; yield return i++; }
        }

        public static int Main()
        {
            int sum = 0;
            foreach (int x in Range(10, 5)) sum += x;
            if (sum != 60 || s_produced != 5) return 1;
            var lazy = Range(0, 100);
            if (s_produced != 5) return 2;               // nothing runs until enumeration
            foreach (int x in lazy) if (x == 2) break;
            if (s_produced != 8) return 3;
            var e = Words();
            string all = "";
            while (e.MoveNext()) all += e.Current;
            if (all != "ab") return 4;
            int n = 0;
            foreach (int x in UpTo(4)) n += x;
            if (n != 10) return 5;
            return 100;
        }
    }
}
