using System;
using System.Collections.Generic;

namespace Conformance.Control
{
    /// <summary>Counting loops with unusual steps: downward, by powers, over unsigned and char ranges.</summary>
    public static class Ranges
    {
        public static int Main()
        {
            int n = 0;
            for (int i = 100; i > 0; i /= 2) n++;
            if (n != 7) return 1;
            string s = "";
            for (char c = 'a'; c <= 'e'; c++) s += c;
            if (s != "abcde") return 2;
            uint total = 0;
            for (uint u = 10; u != uint.MaxValue; u--) total += u;
            if (total != 55) return 3;
            long p = 1;
            for (int i = 0; i < 62; i++) p <<= 1;
            if (p != 1L << 62) return 4;
            return 100;
        }
    }
}
