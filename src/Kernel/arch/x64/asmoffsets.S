/* asmoffsets.S — the offsets of structoffsets.h as data, so that the in-kernel test AsmOffsets
 * (Smp.Tests, through AsmOffsets.cs) can compare each with the C# struct's real layout, like the
 * .NET runtime's AsmOffsetsVerify. Nothing else reads the table. */

#include "structoffsets.h"

/* One entry: the name's address, then the value. */
.macro ASM_OFFSET name, value
    .pushsection .rodata.str1.1, "aMS", @progbits, 1
1:  .asciz "\name"
    .popsection
    .quad 1b, \value
.endm
#define CHECK(name) ASM_OFFSET #name, name

    .section .rodata
    .balign 8
asm_offsets:
    CHECK(PCPU_SELF)
    CHECK(PCPU_VIF)
    CHECK(PCPU_PENDING)
    CHECK(PCPU_EXC_STACK)
    CHECK(TRAP_FRAME_R15)
    CHECK(TRAP_FRAME_RAX)
    CHECK(TRAP_FRAME_VECTOR)
    CHECK(TRAP_FRAME_ERROR)
    CHECK(TRAP_FRAME_RIP)
    CHECK(TRAP_FRAME_CS)
    CHECK(TRAP_FRAME_RFLAGS)
    CHECK(TRAP_FRAME_RSP)
    CHECK(TRAP_FRAME_SS)
    CHECK(TRAP_FRAME_SIZE)
    CHECK(JMPBUF_RBX)
    CHECK(JMPBUF_RBP)
    CHECK(JMPBUF_R12)
    CHECK(JMPBUF_R13)
    CHECK(JMPBUF_R14)
    CHECK(JMPBUF_R15)
    CHECK(JMPBUF_RSP)
    CHECK(JMPBUF_RIP)
    CHECK(JMPBUF_RFLAGS)
    CHECK(JMPBUF_SIZE)
    CHECK(CTX_RIP)
    CHECK(CTX_RSP)
    CHECK(CTX_RBP)
    CHECK(CTX_RBX)
    CHECK(CTX_R12)
    CHECK(CTX_R13)
    CHECK(CTX_R14)
    CHECK(CTX_R15)
    CHECK(DISPATCH_CELL_DATA)
    CHECK(DISPATCH_CACHE_ENTRIES)
    CHECK(DISPATCH_ENTRY_TARGET)
    CHECK(DISPATCH_ENTRY_SIZE)
    .quad 0, 0                          /* end */

    .text
/* AsmOffsetEntry* arch_asm_offsets(void): the table above ({ name, value } pairs, a null name ends it). */
    .globl arch_asm_offsets
arch_asm_offsets:
    lea asm_offsets(%rip), %rax
    ret
