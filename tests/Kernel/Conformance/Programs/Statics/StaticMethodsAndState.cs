using System;
using System.Collections.Generic;

namespace Conformance.Statics
{
    /// <summary>Static counters shared across instances, static helper classes and static readonly references.</summary>
    public static class StaticMethodsAndState
    {
        private sealed class Widget { public static int Live; public readonly int Serial; public Widget() { Serial = ++Live; } }
        private static readonly List<string> s_log = new List<string>();
        private static void Log(string s) => s_log.Add(s);

        public static int Main()
        {
            var a = new Widget(); var b = new Widget();
            if (Widget.Live != 2 || a.Serial != 1 || b.Serial != 2) return 1;
            Log("x"); Log("y");
            if (s_log.Count != 2 || s_log[1] != "y") return 2;
            return 100;
        }
    }
}
