/* structoffsets.h — every offset the assembly uses into a C# struct, in one place. Each is
 * checked against the struct's real layout by the in-kernel test AsmOffsets (Smp.Tests), which
 * reads the values assembled into asmoffsets.S: add a name here and there, and the test fails
 * until it checks it too. */

#ifndef NACRE_STRUCTOFFSETS_H
#define NACRE_STRUCTOFFSETS_H

/* Nacre.Cpus.PerCpu, reached through GS. */
#define PCPU_SELF       0       /* what gs:0 reads */
#define PCPU_VIF        104     /* 1 = interrupts (virtually) enabled */
#define PCPU_PENDING    112     /* 256-bit bitmap of vectors that arrived while masked */
#define PCPU_EXC_STACK  144     /* top of the stack CPU exceptions are reflected onto */

/* Nacre.Arch.X64.TrapFrame: the registers trapframe.h pushes (r15 lowest), then the tail
 * the stubs and the CPU push. */
#define TRAP_FRAME_R15      0
#define TRAP_FRAME_RAX      112
#define TRAP_FRAME_VECTOR   120
#define TRAP_FRAME_ERROR    128
#define TRAP_FRAME_RIP      136
#define TRAP_FRAME_CS       144
#define TRAP_FRAME_RFLAGS   152
#define TRAP_FRAME_RSP      160
#define TRAP_FRAME_SS       168
#define TRAP_FRAME_SIZE     176

/* Nacre.Arch.X64.JumpBuffer (setjmp.S). */
#define JMPBUF_RBX      0
#define JMPBUF_RBP      8
#define JMPBUF_R12      16
#define JMPBUF_R13      24
#define JMPBUF_R14      32
#define JMPBUF_R15      40
#define JMPBUF_RSP      48
#define JMPBUF_RIP      56
#define JMPBUF_RFLAGS   64
#define JMPBUF_SIZE     80

/* Internal.Runtime.RegisterContext (CoreLib, ExceptionHandling/CallFrameInfo.cs; exceptions.S). */
#define CTX_RIP 0
#define CTX_RSP 8
#define CTX_RBP 16
#define CTX_RBX 24
#define CTX_R12 32
#define CTX_R13 40
#define CTX_R14 48
#define CTX_R15 56

/* Internal.Runtime.InterfaceDispatch (CoreLib): a call site's cell and its inline cache, read by
 * cached_interface_dispatch (ilchelpers.S). */
#define DISPATCH_CELL_DATA      8       /* Cell.Data: the cache, once the cell is resolved */
#define DISPATCH_CACHE_ENTRIES  32      /* the entries follow the cache's header */
#define DISPATCH_ENTRY_TARGET   8       /* CacheEntry.Target, after its MethodTable* */
#define DISPATCH_ENTRY_SIZE     16

#endif
