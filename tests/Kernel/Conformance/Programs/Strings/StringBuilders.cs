using System;
using System.Collections.Generic;

namespace Conformance.Strings
{
    /// <summary>StringBuilder appends of every kind, Insert-free building, Length and Clear.</summary>
    public static class StringBuilders
    {
        public static int Main()
        {
            var sb = new System.Text.StringBuilder();
            sb.Append("a").Append(1).Append(2L).Append(true).Append('c').Append('-', 3);
            if (sb.ToString() != "a12Truec---") return 1;
            if (sb.Length != 11) return 2;
            sb.Clear();
            if (sb.Length != 0 || sb.ToString() != "") return 3;
            for (int i = 0; i < 1000; i++) sb.Append('x');
            if (sb.Length != 1000) return 4;
            return 100;
        }
    }
}
