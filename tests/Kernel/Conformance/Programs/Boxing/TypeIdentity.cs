using System;
using System.Runtime.CompilerServices;

namespace Conformance.Boxing
{
    /// <summary>One Type object per type: typeof, Type.GetTypeFromHandle and typeof(T) in generic code agree, by == and by reference.</summary>
    public static class TypeIdentity
    {
        private enum Mode { On }
        private struct Point { public int X; }
        private sealed class Node { }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static RuntimeTypeHandle HandleOf(Type t) => t.TypeHandle;
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Type Opaque(Type t) => t;
        private static Type Of<T>() => typeof(T);

        public static int Main()
        {
            if (Type.GetTypeFromHandle(typeof(Mode).TypeHandle) != typeof(Mode)) return 1;
            if (Type.GetTypeFromHandle(HandleOf(typeof(Point))) != typeof(Point)) return 2;
            if (Type.GetTypeFromHandle(HandleOf(typeof(Point))) == typeof(Mode)) return 3;
            if (!ReferenceEquals(Type.GetTypeFromHandle(HandleOf(typeof(Node))), typeof(Node))) return 4;
            if (!ReferenceEquals(Opaque(typeof(int[])), Type.GetTypeFromHandle(HandleOf(typeof(int[]))))) return 5;
            if (Of<Mode>() != typeof(Mode) || Of<string>() != typeof(string) || Of<Point>() == typeof(Node)) return 6;
            if (!typeof(Point).Equals(Opaque(typeof(Point))) || typeof(Point).GetHashCode() != Opaque(typeof(Point)).GetHashCode()) return 7;
            if (Type.GetTypeFromHandle(default) != null) return 8;
            return 100;
        }
    }
}
