using System;

namespace Conformance.Arrays
{
    /// <summary>System.Index and System.Range on arrays, strings and spans: ^n, a..b, open ends, empty ranges, out-of-range slices.</summary>
    public static class IndicesAndRanges
    {
        public static int Main()
        {
            int[] a = { 10, 20, 30, 40, 50 };
            if (a[^1] != 50 || a[^5] != 10) return 1;
            Index i = ^2;
            if (!i.IsFromEnd || i.Value != 2 || i.GetOffset(a.Length) != 3 || a[i] != 40) return 2;
            int[] mid = a[1..3];
            if (mid.Length != 2 || mid[0] != 20 || mid[1] != 30) return 3;
            if (a[..2].Length != 2 || a[3..].Length != 2 || a[..].Length != 5 || a[^2..][0] != 40) return 4;
            if (a[2..2].Length != 0) return 5;
            mid[0] = 99;                                   // a copy, not a view
            if (a[1] != 20) return 6;

            string s = "conformance";
            if (s[^1] != 'e' || s[..4] != "conf" || s[4..^4] != "orm" || s[^4..] != "ance" || s[..^2] != "conforman") return 7;

            Span<int> span = a;
            Span<int> tail = span[^3..];
            tail[0] = 7;
            if (a[2] != 7 || span[^1] != 50) return 8;      // a span slice is a view

            Range r = 1..^1;
            (int offset, int length) = r.GetOffsetAndLength(5);
            if (offset != 1 || length != 3) return 9;
            if (r.ToString() != "1..^1" || Range.All.ToString() != "0..^0") return 10;
            if (!r.Equals(new Range(1, ^1)) || r.Equals(1..2)) return 11;

            try { int[] bad = a[3..1]; return 12; }
            catch (ArgumentOutOfRangeException) { }
            try { string bad = s[..20]; return 13; }
            catch (ArgumentOutOfRangeException) { }
            try { int x = a[^6]; return 14; }
            catch (IndexOutOfRangeException) { }
            try { Index bad = new Index(-1); return 15; }
            catch (ArgumentOutOfRangeException) { }

            object[] covariant = new string[] { "x", "y", "z" };
            object[] slice = covariant[1..];
            if (!(slice is string[]) || (string)slice[0] != "y") return 16;
            return 100;
        }
    }
}
