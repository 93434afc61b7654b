using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Conformance.Calls
{
    /// <summary>What shared code reached through generic virtual methods commonly does with its type arguments: call generic methods, use generic statics, compare, create.</summary>
    public static class GenericVirtualSharedCode
    {
        private interface IWorker { string Work<T>(T a, T b) where T : class, new(); }
        private sealed class Worker : IWorker
        {
            public string Work<T>(T a, T b) where T : class, new()
            {
                bool same = EqualityComparer<T>.Default.Equals(a, b);
                T fresh = new T();
                return Describe(a) + (same ? "=" : "!=") + Describe(b) + ":" + Counter<T>.Next() + ":" + (fresh != null);
            }
        }
        private static class Counter<T>
        {
            private static int s_count;
            public static int Next() => ++s_count;
        }
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string Describe<T>(T value) => "<" + value.ToString() + ">";

        private sealed class Item
        {
            public string Name = "item";
            public override string ToString() => Name;
        }
        private sealed class Other
        {
            public override string ToString() => "other";
        }

        public static int Main()
        {
            IWorker w = new Worker();
            var i = new Item();
            if (w.Work(i, i) != "<item>=<item>:1:True") return 1;
            if (w.Work(i, new Item { Name = "b" }) != "<item>!=<b>:2:True") return 2;
            if (w.Work(new Other(), new Other()) != "<other>!=<other>:1:True") return 3;
            return 100;
        }
    }
}
