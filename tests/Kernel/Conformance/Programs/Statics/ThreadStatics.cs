using System;

namespace Conformance.Statics
{
    /// <summary>[ThreadStatic] fields start at default on a thread and keep their value there.</summary>
    public static class ThreadStatics
    {
        [ThreadStatic] private static int t_count;
        [ThreadStatic] private static string t_name;

        public static int Main()
        {
            t_count = 0;
            for (int i = 0; i < 5; i++) t_count++;
            if (t_count != 5) return 1;
            t_name ??= "first";
            t_name ??= "second";
            if (t_name != "first") return 2;
            return 100;
        }
    }
}
