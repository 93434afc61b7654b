namespace Conformance.Control
{
    /// <summary>Type, property, relational, logical and positional patterns.</summary>
    public static class PatternMatching
    {
        private sealed record Point(int X, int Y);

        private static string Classify(object o) => o switch
        {
            null => "null",
            int i when i < 0 => "negative",
            int and (0 or 1) => "bit",
            int => "int",
            string { Length: 0 } => "empty",
            string s => "string:" + s,
            Point(0, 0) => "origin",
            Point { X: > 0 } p => "right" + p.Y,
            _ => "other",
        };

        public static int Main()
        {
            if (Classify(null) != "null" || Classify(-3) != "negative" || Classify(1) != "bit" || Classify(7) != "int") return 1;
            if (Classify("") != "empty" || Classify("x") != "string:x") return 2;
            if (Classify(new Point(0, 0)) != "origin" || Classify(new Point(2, 5)) != "right5" || Classify(new Point(-1, 0)) != "other") return 3;
            if (Classify(2.0) != "other") return 4;
            int[] arr = { 1, 2, 3 };
            if (arr is not { Length: 3 }) return 5;
            if (arr is null or { Length: < 2 }) return 6;
            if (!(arr[2] is > 2 and < 4)) return 7;
            object boxed = 5L;
            if (boxed is int || !(boxed is long l && l == 5)) return 8;
            return 100;
        }
    }
}
