using System;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// What `ldtoken` compiles to. ilc's scanner roots GetRuntimeFieldHandle for every
    /// `ldtoken field` — including the one in each array initialiser `new[] { 1, 2, 3 }`, even
    /// though the JIT then expands RuntimeHelpers.InitializeArray and never calls it — so the class
    /// must exist (ilc finds it by this namespace and name) for any array initialiser to compile.
    /// The handles are just the addresses ilc passes in; there is no reflection behind them.
    /// </summary>
    internal static unsafe class LdTokenHelpers
    {
        private static RuntimeFieldHandle GetRuntimeFieldHandle(nint handle)
        {
            RuntimeFieldHandle h;
            *(nint*)&h = handle;
            return h;
        }

        private static RuntimeMethodHandle GetRuntimeMethodHandle(nint handle)
        {
            RuntimeMethodHandle h;
            *(nint*)&h = handle;
            return h;
        }

        private static RuntimeTypeHandle GetRuntimeTypeHandle(nint methodTable)
        {
            RuntimeTypeHandle h;
            *(nint*)&h = methodTable;
            return h;
        }

        // typeof(T) when the JIT could not fold it away: a Type standing for the MethodTable.
        private static Type GetRuntimeType(nint methodTable) => Type.GetTypeFromHandle(GetRuntimeTypeHandle(methodTable));
    }
}
