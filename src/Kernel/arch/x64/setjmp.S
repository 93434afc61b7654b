/* setjmp.S — non-local return for the kernel: JumpBuffer (JumpBuffer.cs) is the buffer, whose
 * offsets these routines use; the test runner's recovery points are built on them. */

#include "virtualif.h"

    .text
    .code64

/* int arch_setjmp(JumpBuffer* buffer): saves the callee-saved registers, the stack pointer, the
 * return address and RFLAGS (JumpBuffer; structoffsets.h); returns 0. A later arch_longjmp(buffer, value) returns
 * here again with value (never 0). Recovery points use it to abandon work (a failed test), also
 * from inside an interrupt handler (which runs with IF=0), hence the saved RFLAGS. */
    .globl arch_setjmp
arch_setjmp:
    mov %rbx, JMPBUF_RBX(%rdi)
    mov %rbp, JMPBUF_RBP(%rdi)
    mov %r12, JMPBUF_R12(%rdi)
    mov %r13, JMPBUF_R13(%rdi)
    mov %r14, JMPBUF_R14(%rdi)
    mov %r15, JMPBUF_R15(%rdi)
    lea 8(%rsp), %rdx                   /* the caller's rsp after our return */
    mov %rdx, JMPBUF_RSP(%rdi)
    mov (%rsp), %rdx                    /* return address */
    mov %rdx, JMPBUF_RIP(%rdi)
    pushfq
    pop %rdx
    cmpb $0, nacre_deprivileged(%rip)
    je 1f
    FLAGS_WITH_VIF %rdx                 /* deprivileged: IF stands for the virtual IF */
1:  mov %rdx, JMPBUF_RFLAGS(%rdi)
    xor %eax, %eax
    ret

/* void arch_longjmp(JumpBuffer* buffer, int value): resumes the arch_setjmp that filled buffer,
 * making it return value (1 if value is 0). The frames in between are abandoned; RFLAGS (so the
 * interrupt flag) is what it was at the arch_setjmp, restored only once on the saved stack. */
    .globl arch_longjmp
arch_longjmp:
    mov %esi, %eax
    test %eax, %eax
    jnz 1f
    inc %eax
1:  mov JMPBUF_RBX(%rdi), %rbx
    mov JMPBUF_RBP(%rdi), %rbp
    mov JMPBUF_R12(%rdi), %r12
    mov JMPBUF_R13(%rdi), %r13
    mov JMPBUF_R14(%rdi), %r14
    mov JMPBUF_R15(%rdi), %r15
    mov JMPBUF_RSP(%rdi), %rsp
    pushq JMPBUF_RFLAGS(%rdi)
    popfq
    cmpb $0, nacre_deprivileged(%rip)
    jne 2f
    jmp *JMPBUF_RIP(%rdi)
2:  pushq JMPBUF_RIP(%rdi)                      /* deprivileged: restore the virtual IF, then "return" */
    RETURN_SETTING_VIF JMPBUF_RFLAGS(%rdi)
