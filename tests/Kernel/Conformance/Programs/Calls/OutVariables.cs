using System;
using System.Collections.Generic;

namespace Conformance.Calls
{
    /// <summary>out var declarations, discards and out arguments to fields and array elements.</summary>
    public static class OutVariables
    {
        private static bool Split(string s, out string head, out string tail)
        {
            int i = s.IndexOf(":");
            head = i < 0 ? s : s.Substring(0, i);
            tail = i < 0 ? "" : s.Substring(i + 1);
            return i >= 0;
        }
        private static string s_field;

        public static int Main()
        {
            if (!Split("k:v", out var h, out var t) || h != "k" || t != "v") return 1;
            if (Split("plain", out _, out var rest) || rest != "") return 2;
            var arr = new string[2];
            Split("a:b", out arr[0], out arr[1]);
            if (arr[0] + arr[1] != "ab") return 3;
            Split("x:y", out s_field, out _);
            if (s_field != "x") return 4;
            return 100;
        }
    }
}
