using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime
{
    /// <summary>Runtime entry points ilc's generated IL stubs call by name.</summary>
    internal static unsafe class RuntimeImports
    {
        /// <summary>The covariance check before storing into a multi-dimensional array of references.</summary>
        public static void RhCheckArrayStore(object array, object obj)
        {
            if (obj == null) return;
            MethodTable* element = array.GetMethodTable()->ElementTypeHandle;
            if (obj.GetMethodTable() != element && !TypeCast.AreTypesAssignable(obj.GetMethodTable(), element))
                ThrowHelpers.ThrowArrayTypeMismatchException();
        }
    }
}
