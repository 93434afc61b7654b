using System;

namespace Conformance.Structs
{
    /// <summary>ref structs holding spans, stackalloc, slicing and writing through spans.</summary>
    public static class RefStructsAndSpans
    {
        private ref struct Cursor
        {
            private System.Span<int> _rest;
            public Cursor(System.Span<int> s) { _rest = s; }
            public bool Write(int v) { if (_rest.Length == 0) return false; _rest[0] = v; _rest = _rest.Slice(1); return true; }
        }

        public static int Main()
        {
            System.Span<int> buf = stackalloc int[4];
            var c = new Cursor(buf);
            int n = 0;
            while (c.Write(n * n)) n++;
            if (n != 4 || buf[3] != 9) return 1;
            int[] arr = { 5, 6, 7, 8 };
            System.Span<int> mid = arr.AsSpan(1, 2);
            mid[1] = 70;
            if (arr[2] != 70) return 2;
            System.ReadOnlySpan<char> text = "hello";
            if (text.Slice(1, 3).Length != 3 || text[4] != 'o') return 3;
            int sum = 0;
            foreach (int v in buf) sum += v;
            if (sum != 14) return 4;
            return 100;
        }
    }
}
