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

        // A type with thread statics and a lazy constructor: ilc's stub passes the thread-static
        // lookup's arguments on, with the constructor context third.
        private static object CheckStaticClassConstructionReturnThreadStaticBase(TypeManagerSlot* module, int typeTlsIndex, StaticClassConstructionContext* context)
        {
            EnsureClassConstructorRun(context);
            return ThreadStatics.GetThreadStaticBaseForType(module, typeTlsIndex);
        }

        // A constructor that threw leaves this in its context: every later access throws the same
        // TypeInitializationException, as in .NET (ilc calls us while the address is non-zero).
        private const nint Failed = 1;

        private sealed class Failure
        {
            public StaticClassConstructionContext* Context;
            public TypeInitializationException Exception;
            public Failure Next;
        }

        private static Failure s_failures;

        public static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            nint cctor = context->cctorMethodAddress;
            if (cctor == 0) return;
            if (cctor == Failed) throw FailureOf(context);
            // Clear first: re-entrant accesses from the constructor itself must not run it again.
            context->cctorMethodAddress = 0;
            try
            {
                ((delegate*<void>)cctor)();
            }
            catch (Exception e)
            {
                var failure = new Failure
                {
                    Context = context,
                    Exception = new TypeInitializationException("The type initializer threw an exception.", e),
                };
                Failure head;
                do { head = s_failures; failure.Next = head; }
                while (System.Threading.Interlocked.CompareExchange(ref s_failures, failure, head) != head);
                context->cctorMethodAddress = Failed;
                throw failure.Exception;
            }
        }

        private static TypeInitializationException FailureOf(StaticClassConstructionContext* context)
        {
            for (Failure f = s_failures; f != null; f = f.Next)
                if (f.Context == context) return f.Exception;
            return new TypeInitializationException("The type initializer threw an exception.");
        }
    }
}
