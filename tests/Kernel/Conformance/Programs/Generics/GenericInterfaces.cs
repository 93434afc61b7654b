using System;
using System.Collections.Generic;

namespace Conformance.Generics
{
    /// <summary>Generic interfaces implemented several times by one type, and generic interface calls over value types.</summary>
    public static class GenericInterfaces
    {
        private interface IConvert<T> { T Convert(string s); }
        private sealed class Multi : IConvert<int>, IConvert<bool>, IConvert<string>
        {
            int IConvert<int>.Convert(string s) => s.Length;
            bool IConvert<bool>.Convert(string s) => s.Length > 0;
            string IConvert<string>.Convert(string s) => s + s;
        }
        private static T Run<T>(IConvert<T> c, string s) => c.Convert(s);
        private struct Meters : IComparable<Meters>, IEquatable<Meters>
        {
            public int V;
            public int CompareTo(Meters o) => V.CompareTo(o.V);
            public bool Equals(Meters o) => V == o.V;
        }

        public static int Main()
        {
            var m = new Multi();
            if (Run<int>(m, "abc") != 3 || !Run<bool>(m, "x") || Run<string>(m, "ab") != "abab") return 1;
            var list = new List<Meters> { new Meters { V = 3 }, new Meters { V = 1 } };
            list.Sort((a, b) => a.CompareTo(b));
            if (list[0].V != 1) return 2;
            if (!EqualityComparer<Meters>.Default.Equals(new Meters { V = 2 }, new Meters { V = 2 })) return 3;
            if (Comparer<Meters>.Default.Compare(new Meters { V = 5 }, new Meters { V = 2 }) <= 0) return 4;
            return 100;
        }
    }
}
