using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime
{
    /// <summary>What ilc's thread-static helpers pass for "the module": its type manager and index.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct TypeManagerSlot
    {
        public nint TypeManager;
        public int ModuleIndex;
    }

    /// <summary>
    /// [ThreadStatic] fields. The build runs ilc with --noinlinetls, so every access calls a
    /// per-type stub that jumps to GetThreadStaticBaseForType(module, index): the index numbers the
    /// types with thread statics (the module's ThreadStaticRegion lists, per index, the type of an
    /// object whose fields are that type's thread statics — the "base" the code adds offsets to).
    ///
    /// Per thread, the kernel keeps one pointer (KernelImports.ThreadStaticsRoot); it points to a
    /// block of one object per index, each allocated on the thread's first access to that type.
    /// A recycled thread's objects are kept and zeroed (Clear), so threads that come and go cost no
    /// memory after their first use. There is no GC: references held in thread statics stay valid.
    /// </summary>
    internal static unsafe class ThreadStatics
    {
        private static MethodTable** s_types;   // the ThreadStaticRegion: one holder type per index
        private static int s_count;

        /// <summary>Called by Startup with the module's ThreadStaticRegion (pointer-sized entries).</summary>
        internal static void SetRegion(byte* start, byte* end)
        {
            if (s_count != 0 && end > start) KernelImports.FailFast("thread statics in more than one module");
            s_types = (MethodTable**)start;
            s_count = (int)((end - start) / sizeof(nint));
        }

        /// <summary>The object holding the calling thread's thread statics of type number typeTlsIndex (ilc calls this by name).</summary>
        internal static object GetThreadStaticBaseForType(TypeManagerSlot* module, int typeTlsIndex)
        {
            nint* block = *(nint**)KernelImports.ThreadStaticsRoot();
            if (block != null)
            {
                nint holder = block[typeTlsIndex];
                if (holder != 0) return Unsafe.As<nint, object>(ref holder);
            }
            return Allocate(typeTlsIndex);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static object Allocate(int typeTlsIndex)
        {
            if ((uint)typeTlsIndex >= (uint)s_count) KernelImports.FailFast("thread static of an unknown type");
            void** root = KernelImports.ThreadStaticsRoot();
            nint* block = (nint*)*root;
            if (block == null)
            {
                block = (nint*)KernelImports.Alloc((nuint)(s_count * sizeof(nint)));
                *root = block;
            }
            object holder = RuntimeAllocation.NewFast(s_types[typeTlsIndex]);
            block[typeTlsIndex] = Unsafe.As<object, nint>(ref holder);
            return holder;
        }

        /// <summary>
        /// Resets a thread's thread statics to their defaults (the kernel calls this when it reuses a
        /// thread): zeroes every object in the block, keeping the memory. root: the pointer the
        /// thread's ThreadStaticsRoot held (null: nothing to do).
        /// </summary>
        [RuntimeExport("nacre_thread_statics_clear")]
        public static void Clear(void* root)
        {
            nint* block = (nint*)root;
            if (block == null) return;
            for (int i = 0; i < s_count; i++)
            {
                if (block[i] == 0) continue;
                byte* o = (byte*)block[i];
                // Fields follow the MethodTable pointer; BaseSize also counts the (absent) header word.
                nuint fields = ((MethodTable*)*(nint*)o)->BaseSize - (nuint)(2 * sizeof(nint));
                SpanHelpers.ClearWithoutReferences(ref *(o + sizeof(nint)), fields);
            }
        }
    }
}
