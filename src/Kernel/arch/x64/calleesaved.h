/* calleesaved.h — the System V callee-saved registers pushed in one order, shared by everything
 * that parks a context on a stack: the thread switch (context.S; the layout is
 * Context.SwitchFrame), Thread.Fork (fork.S) and funclet calls (exceptions.S). From the stack
 * pointer up they lie r15, r14, r13, r12, rbx, rbp. */

/* PUSH_CALLEE_SAVED cfi=0: pushes rbp, rbx, r12, r13, r14, r15. With cfi=1 it also tells the
 * unwinder where each went (inside .cfi_startproc). */
.macro PUSH_CALLEE_SAVED cfi=0
    .irp reg, rbp, rbx, r12, r13, r14, r15
    push %\reg
    .if \cfi
    .cfi_adjust_cfa_offset 8
    .cfi_rel_offset %\reg, 0
    .endif
    .endr
.endm

/* POP_CALLEE_SAVED: the reverse of PUSH_CALLEE_SAVED. */
.macro POP_CALLEE_SAVED
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rbx
    pop %rbp
.endm
