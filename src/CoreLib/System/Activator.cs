using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// `new T()` under a new() constraint compiles to CreateInstance&lt;T&gt;. ilc expands the two
    /// intrinsics below per instantiation: the type's parameterless constructor (or the fallback
    /// marker when it has none) and the allocator for its MethodTable.
    /// </summary>
    public static unsafe class Activator
    {
        public static T CreateInstance<T>()
        {
            nint constructor = DefaultConstructorOf<T>();
            if (default(T) != null)
            {
                // A struct: zero-initialised, then its parameterless constructor (for a struct without
                // one ilc supplies StructWithNoConstructor's, which does nothing).
                T value = default;
                ((delegate*<ref byte, void>)constructor)(ref Unsafe.As<T, byte>(ref value));
                return value;
            }
            if (constructor == GetFallbackDefaultConstructor())
                throw new NotSupportedException("The type has no parameterless constructor.");
            object instance = ((delegate*<MethodTable*, object>)AllocatorOf<T>())(MethodTable.Of<T>());
            ((delegate*<object, void>)constructor)(instance);
            return Unsafe.As<object, T>(ref instance);
        }

        [Intrinsic]
        private static nint DefaultConstructorOf<T>() => throw new NotSupportedException();

        [Intrinsic]
        private static nint AllocatorOf<T>() => throw new NotSupportedException();

        // ilc points DefaultConstructorOf at this marker for types without a usable constructor.
        internal static nint GetFallbackDefaultConstructor() => (nint)(delegate*<void>)&MissingConstructor;

        // ilc looks this up by name: its empty constructor stands in for structs that have none.
        internal struct StructWithNoConstructor
        {
            public StructWithNoConstructor() { }
        }

        private static void MissingConstructor() => throw new NotSupportedException("The type has no parameterless constructor.");
    }
}
