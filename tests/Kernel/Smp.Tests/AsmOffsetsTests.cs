using Internal.Runtime;
using Nacre.Arch.X64;
using Nacre.Cpus;
using Nacre.Testing;

namespace Smp.Tests
{
    /// <summary>
    /// Every offset the assembly uses into a C# struct (structoffsets.h, assembled into
    /// asmoffsets.S's table) against the struct's real layout as this compiler laid it out.
    /// </summary>
    public static unsafe class AsmOffsetsTests
    {
        [Test]
        public static void EveryAssemblyOffsetMatchesItsStruct()
        {
            int count = AsmOffsets.Count;
            Assert.True(count > 0, "the table is empty");
            for (int i = 0; i < count; i++)
            {
                string name = AsmOffsets.NameAt(i);
                Assert.True(Actual(name, out ulong actual), "assembly uses " + name + ", which this test does not check: add it to Actual");
                Assert.Equal(actual, AsmOffsets.At(i).Value, name);
            }
        }

        private static ulong Of(void* field, void* start) => (ulong)((byte*)field - (byte*)start);

        /// <summary>The C# layout's value for a structoffsets.h name.</summary>
        private static bool Actual(string name, out ulong value)
        {
            PerCpu cpu;
            TrapFrame frame;
            JumpBuffer jump;
            RegisterContext context;
            PerCpu* c = &cpu;
            TrapFrame* f = &frame;
            JumpBuffer* j = &jump;
            RegisterContext* x = &context;
            switch (name)
            {
                case "PCPU_SELF": value = Of(&c->Self, c); return true;
                case "PCPU_VIF": value = Of(&c->VirtualInterruptFlag, c); return true;
                case "PCPU_PENDING": value = Of(c->PendingVectors, c); return true;
                case "PCPU_EXC_STACK": value = Of(&c->ExceptionStackTop, c); return true;
                case "TRAP_FRAME_R15": value = Of(&f->R15, f); return true;
                case "TRAP_FRAME_RAX": value = Of(&f->Rax, f); return true;
                case "TRAP_FRAME_VECTOR": value = Of(&f->Vector, f); return true;
                case "TRAP_FRAME_ERROR": value = Of(&f->ErrorCode, f); return true;
                case "TRAP_FRAME_RIP": value = Of(&f->Rip, f); return true;
                case "TRAP_FRAME_CS": value = Of(&f->Cs, f); return true;
                case "TRAP_FRAME_RFLAGS": value = Of(&f->Rflags, f); return true;
                case "TRAP_FRAME_RSP": value = Of(&f->Rsp, f); return true;
                case "TRAP_FRAME_SS": value = Of(&f->Ss, f); return true;
                case "TRAP_FRAME_SIZE": value = (ulong)sizeof(TrapFrame); return true;
                case "JMPBUF_RBX": value = Of(&j->Rbx, j); return true;
                case "JMPBUF_RBP": value = Of(&j->Rbp, j); return true;
                case "JMPBUF_R12": value = Of(&j->R12, j); return true;
                case "JMPBUF_R13": value = Of(&j->R13, j); return true;
                case "JMPBUF_R14": value = Of(&j->R14, j); return true;
                case "JMPBUF_R15": value = Of(&j->R15, j); return true;
                case "JMPBUF_RSP": value = Of(&j->Rsp, j); return true;
                case "JMPBUF_RIP": value = Of(&j->Rip, j); return true;
                case "JMPBUF_RFLAGS": value = Of(&j->Rflags, j); return true;
                case "JMPBUF_SIZE": value = (ulong)sizeof(JumpBuffer); return true;
                case "CTX_RIP": value = Of(&x->Rip, x); return true;
                case "CTX_RSP": value = Of(&x->Rsp, x); return true;
                case "CTX_RBP": value = Of(&x->Rbp, x); return true;
                case "CTX_RBX": value = Of(&x->Rbx, x); return true;
                case "CTX_R12": value = Of(&x->R12, x); return true;
                case "CTX_R13": value = Of(&x->R13, x); return true;
                case "CTX_R14": value = Of(&x->R14, x); return true;
                case "CTX_R15": value = Of(&x->R15, x); return true;
                case "DISPATCH_CELL_DATA": value = InterfaceDispatchLayout.CellData; return true;
                case "DISPATCH_CACHE_ENTRIES": value = InterfaceDispatchLayout.CacheEntries; return true;
                case "DISPATCH_ENTRY_TARGET": value = InterfaceDispatchLayout.EntryTarget; return true;
                case "DISPATCH_ENTRY_SIZE": value = InterfaceDispatchLayout.EntrySize; return true;
                default: value = 0; return false;
            }
        }
    }
}
