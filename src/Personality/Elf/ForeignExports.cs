using System.Runtime;
using System.Runtime.CompilerServices;
using Nacre.Memory;

namespace Nacre.Personality.Elf
{
    /// <summary>
    /// A shared library's exported functions, published for the HVM's host: a table
    /// { u64 count; { u64 nameAddress; u64 address } × count } (table and names in the kernel
    /// heap, which the identity map puts at their physical addresses) whose address goes into the
    /// kernel variable `nacre_foreign_exports` (personality.S), which the host finds by symbol
    /// and reads from guest memory when Hrt.Resolve is asked for a name the kernel itself does
    /// not export (docs/hvm.md, "Foreign exports").
    /// </summary>
    public static unsafe class ForeignExports
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "personality_publish_foreign_exports")]
        private static extern void Set(ulong* table);

        public static void Publish(ElfObject library)
        {
            int count = 0;
            for (uint i = 1; i < library.SymbolCount; i++) if (IsExport(library.Symbols + i)) count++;
            ulong* table = (ulong*)Heap.Alloc((nuint)(8 + 16 * count));
            table[0] = (ulong)count;
            int n = 0;
            for (uint i = 1; i < library.SymbolCount; i++)
            {
                ElfSymbol* s = library.Symbols + i;
                if (!IsExport(s)) continue;
                // A copy in the kernel heap: the host reads names through guest-physical memory,
                // where the heap sits at its own address (the library's are the .NET world's).
                table[1 + 2 * n] = (ulong)CString.FromManaged(CString.ToManaged(library.SymbolName(s)));
                table[2 + 2 * n] = s->Value + library.Bias;
                n++;
            }
            Set(table);
        }

        private static bool IsExport(ElfSymbol* s) =>
            s->SectionIndex != Elf.ShnUndefined && s->SymbolType == Elf.SttFunc && (s->Binding == Elf.StbGlobal || s->Binding == Elf.StbWeak);
    }
}
