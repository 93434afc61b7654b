using System.Runtime.InteropServices;
using Internal.Runtime;

namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Per-type context ilc emits ahead of a type's non-GC statics when the type has a lazy static
    /// constructor: the constructor's address, cleared once it has run.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct StaticClassConstructionContext
    {
        public nint cctorMethodAddress;
    }

    /// <summary>
    /// Runs lazy static constructors on first access. ilc calls these helpers (by name) before
    /// touching a type's statics. A constructor that recursively touches its own type sees the
    /// statics as they are, as in .NET.
    /// </summary>
    internal static unsafe class ClassConstructorRunner
    {
        private static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return gcStaticBase;
        }

        private static nint CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, nint nonGcStaticBase)
        {
            EnsureClassConstructorRun(context);
            return nonGcStaticBase;
        }

        private static object CheckStaticClassConstructionReturnThreadStaticBase(StaticClassConstructionContext* context, object threadStaticBase)
        {
            EnsureClassConstructorRun(context);
            return threadStaticBase;
        }

        public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            nint cctor = context->cctorMethodAddress;
            if (cctor == 0) return;
            // Clear first: re-entrant accesses from the constructor itself must not run it again.
            context->cctorMethodAddress = 0;
            ((delegate*<void>)cctor)();
        }
    }
}
