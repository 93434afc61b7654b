using System.Runtime.CompilerServices;
using System.Threading;
using Internal.Runtime;

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
            handle._value == 0 ? null : RuntimeType.Of((MethodTable*)handle._value);

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
    internal sealed unsafe class RuntimeType : Type
    {
        // The first field: ilc lays out the RuntimeType objects it pre-allocates for typeof as the
        // MethodTable pointer followed by this field.
        private readonly nint _methodTable;
        private RuntimeType(nint methodTable) { _methodTable = methodTable; }
        internal override nint MethodTableAddress => _methodTable;
        public override string ToString() => "Type";

        /// <summary>
        /// The one Type object of a MethodTable. The JIT compares Types by reference where it knows
        /// one side is typeof (whose object ilc pre-allocated), so every path must hand out that
        /// same object: it is kept in the MethodTable's writable cell, created on first use when
        /// ilc did not pre-allocate one.
        /// </summary>
        internal static RuntimeType Of(MethodTable* type)
        {
            nint* cell = type->WritableData;
            nint existing = Volatile.Read(ref *cell);
            if (existing != 0) return Unsafe.As<nint, RuntimeType>(ref existing);
            object created = new RuntimeType((nint)type);
            nint raced = Interlocked.CompareExchange(ref *cell, Unsafe.As<object, nint>(ref created), 0);
            return raced == 0 ? (RuntimeType)created : Unsafe.As<nint, RuntimeType>(ref raced);
        }
    }
}
