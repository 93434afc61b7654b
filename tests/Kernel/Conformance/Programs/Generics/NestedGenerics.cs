using System;
using System.Collections.Generic;

namespace Conformance.Generics
{
    /// <summary>Generic types nested in generic types, and generic lists of generic dictionaries.</summary>
    public static class NestedGenerics
    {
        private sealed class Outer<T> { public sealed class Inner<U> { public T A; public U B; public string Both() => A + "/" + B; } }

        public static int Main()
        {
            var x = new Outer<int>.Inner<string> { A = 1, B = "b" };
            if (x.Both() != "1/b") return 1;
            var table = new List<Dictionary<string, List<int>>>();
            table.Add(new Dictionary<string, List<int>> { ["a"] = new List<int> { 1, 2 } });
            table[0]["a"].Add(3);
            if (table[0]["a"].Count != 3 || table[0]["a"][2] != 3) return 2;
            return 100;
        }
    }
}
