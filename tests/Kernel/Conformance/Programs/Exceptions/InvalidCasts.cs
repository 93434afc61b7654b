using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Conformance.Exceptions
{
    /// <summary>Casts that cannot succeed throw InvalidCastException: to sealed, open, never-instantiated and generic classes, interfaces, arrays, and when unboxing; null casts to anything.</summary>
    public static class InvalidCasts
    {
        private sealed class Sealed { public int V = 1; }
        private class Open { public int V = 2; }
        private class Derived : Open { }
        private sealed class NeverMade { public int V; }
        private class Box<T> { public T Value; }
        private interface INothing { }

        // The objects come through a call the compiler cannot see into, so it cannot know their types.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static object Opaque(object o) => o;

        private static bool Throws(Func<object> cast)
        {
            try { cast(); return false; } catch (InvalidCastException) { return true; }
        }

        public static int Main()
        {
            object text = Opaque("s"), number = Opaque(42), open = Opaque(new Open()), derived = Opaque(new Derived());
            object boxOfInt = Opaque(new Box<int>()), ints = Opaque(new int[2]), strings = Opaque(new string[1]);
            if (new Sealed().V != 1) return 1;

            if (!Throws(() => (Sealed)text) || !Throws(() => (Open)text) || !Throws(() => (NeverMade)text)) return 2;
            if (!Throws(() => (Derived)open) || Throws(() => (Open)derived)) return 3;
            if (!Throws(() => (Box<string>)boxOfInt) || Throws(() => (Box<int>)boxOfInt)) return 4;
            if (!Throws(() => (INothing)text) || !Throws(() => (IComparable<int>)text) || Throws(() => (IEquatable<string>)text)) return 5;
            if (!Throws(() => (long[])ints) || !Throws(() => (string)strings) || Throws(() => (object[])strings)) return 6;
            if (!Throws(() => (long)number) || !Throws(() => (string)number) || Throws(() => (int)number)) return 7;
            if (!Throws(() => (List<int>)open)) return 8;

            object nothing = Opaque(null);
            if ((Sealed)nothing != null || (NeverMade)nothing != null || (INothing)nothing != null || (int[])nothing != null) return 9;
            if (text is NeverMade || text is Sealed || (text as Open) != null) return 10;
            return 100;
        }
    }
}
