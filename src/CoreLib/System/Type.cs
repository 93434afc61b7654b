namespace System
{
    /// <summary>
    /// Minimal runtime type identity: typeof(T) == typeof(U) comparisons and the handle structs the
    /// compiler emits. No reflection.
    /// </summary>
    public unsafe abstract class Type
    {
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => null;
    }

    public unsafe struct RuntimeTypeHandle
    {
        internal nint _value;
    }

    public struct RuntimeMethodHandle { internal nint _value; }
    public struct RuntimeFieldHandle { internal nint _value; }
    public struct RuntimeArgumentHandle { }
    public struct TypedReference { }
}

namespace System
{
    /// <summary>Asked for by the JIT by name; Nacre has no reflection, so it is never instantiated.</summary>
    internal sealed class RuntimeType : Type { }
}
