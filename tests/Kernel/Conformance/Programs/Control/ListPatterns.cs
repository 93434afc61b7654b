using System;
using System.Collections.Generic;

namespace Conformance.Control
{
    /// <summary>List patterns: fixed lengths, `..` discards and slices captured with `..var`, over arrays, strings, spans and List&lt;T&gt;.</summary>
    public static class ListPatterns
    {
        private static int Classify(int[] xs) => xs switch
        {
            [] => 0,
            [var only] => only,
            [1, .., 3] => 13,
            [_, _] => 2,
            [var first, .. var rest] when rest.Length > 2 => first * 100 + rest.Length,
            _ => -1,
        };

        public static int Main()
        {
            if (Classify(new int[0]) != 0 || Classify(new[] { 7 }) != 7) return 1;
            if (Classify(new[] { 1, 3 }) != 13 || Classify(new[] { 1, 5, 6, 3 }) != 13) return 2;
            if (Classify(new[] { 4, 5 }) != 2 || Classify(new[] { 9, 1, 1, 1 }) != 903 || Classify(new[] { 9, 1, 1 }) != -1) return 3;

            if ("hello" is not ['h', .., 'o']) return 4;
            if ("hi" is [_, _, _]) return 5;
            if ("abcde" is [_, .. var inner, _] && inner != "bcd") return 6;

            ReadOnlySpan<char> span = "key=value";
            if (span is not [.., '=', 'v', 'a', 'l', 'u', 'e']) return 7;

            int[] numbers = { 1, 2, 3, 4, 5 };
            if (numbers is [.., var beforeLast, _] && beforeLast != 4) return 8;
            if (numbers is not [> 0, .. { Length: 3 }, < 6]) return 9;

            var list = new List<int> { 3, 1, 4 };
            if (list is not [3, _, 4]) return 10;
            if (list is [_, _]) return 11;
            return 100;
        }
    }
}
