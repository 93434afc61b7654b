using System;
using System.Collections.Generic;

namespace Conformance.Arrays
{
    /// <summary>Arrays through the generic collection interfaces: IEnumerable&lt;T&gt;, ICollection&lt;T&gt;, IList&lt;T&gt;, IReadOnlyList&lt;T&gt;, covariantly as IEnumerable&lt;object&gt;; fixed size.</summary>
    public static class ArraysAsCollections
    {
        private static int Sum(IEnumerable<int> values)
        {
            int total = 0;
            foreach (int v in values) total += v;
            return total;
        }

        private static string Join<T>(IReadOnlyList<T> items)
        {
            string s = "";
            for (int i = 0; i < items.Count; i++) s += items[i].ToString();
            return s;
        }

        public static int Main()
        {
            int[] numbers = { 1, 2, 3, 4 };
            if (Sum(numbers) != 10) return 1;
            IList<int> list = numbers;
            list[0] = 10;
            if (numbers[0] != 10 || list.Count != 4 || list.IndexOf(3) != 2 || !list.Contains(4) || list.Contains(5)) return 2;
            if (Join(new[] { "a", "b", "c" }) != "abc" || Join(numbers) != "10234") return 3;

            IEnumerable<object> objects = new string[] { "x", "y" };               // covariance over an array
            string seen = "";
            foreach (object o in objects) seen += (string)o;
            if (seen != "xy") return 4;
            object boxed = new string[0];
            if (!(boxed is IEnumerable<string>) || !(boxed is IReadOnlyList<object>) || boxed is IList<int>) return 5;

            ICollection<int> collection = numbers;
            try { collection.Add(5); return 6; }
            catch (NotSupportedException) { }
            try { list.RemoveAt(0); return 7; }
            catch (NotSupportedException) { }

            ICollection<string> names = new string[2];
            if (names.Count != 2 || !names.Contains(null)) return 8;
            IEnumerator<int> e = ((IEnumerable<int>)new int[] { 7 }).GetEnumerator();
            if (!e.MoveNext() || e.Current != 7 || e.MoveNext()) return 9;
            return 100;
        }
    }
}
