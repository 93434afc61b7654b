using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// Minimal runtime type identity: typeof(T) == typeof(U) comparisons and the handle structs the
    /// compiler emits. No reflection. A Type is identified by its MethodTable: typeof may hand out
    /// a fresh object each time, so equality compares MethodTables, never references.
    /// </summary>
    public unsafe abstract class Type
    {
        internal abstract nint MethodTableAddress { get; }

        // [Intrinsic] lets the JIT fold typeof(A) == typeof(B) (also in shared generic code) into a
        // MethodTable compare without creating any Type object.
        [Intrinsic]
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) =>
            handle._value == 0 ? null : new RuntimeType(handle._value);

        public RuntimeTypeHandle TypeHandle
        {
            get
            {
                RuntimeTypeHandle h;
                h._value = MethodTableAddress;
                return h;
            }
        }

        [Intrinsic]
        public static bool operator ==(Type left, Type right)
        {
            if ((object)left == (object)right) return true;
            if ((object)left == null || (object)right == null) return false;
            return left.MethodTableAddress == right.MethodTableAddress;
        }

        [Intrinsic]
        public static bool operator !=(Type left, Type right) => !(left == right);

        public override bool Equals(object obj) => obj is Type t && t.MethodTableAddress == MethodTableAddress;
        public override int GetHashCode() => (int)MethodTableAddress ^ (int)((long)MethodTableAddress >> 32);
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
    /// <summary>Asked for by the JIT by name; the only kind of Type: a MethodTable address, no reflection.</summary>
    internal sealed class RuntimeType : Type
    {
        private readonly nint _methodTable;
        internal RuntimeType(nint methodTable) { _methodTable = methodTable; }
        internal override nint MethodTableAddress => _methodTable;
        public override string ToString() => "Type";
    }
}
