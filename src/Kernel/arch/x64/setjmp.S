/* setjmp.S — non-local return for the kernel: JumpBuffer (JumpBuffer.cs) is the buffer, whose
 * offsets these routines use; the test runner's recovery points are built on them. */

#include "virtualif.h"

    .text
    .code64

/* int arch_setjmp(JumpBuffer* buffer): saves the callee-saved registers, the stack pointer, the
 * return address and RFLAGS (at offset 64); returns 0. A later arch_longjmp(buffer, value) returns
 * here again with value (never 0). Recovery points use it to abandon work (a failed test), also
 * from inside an interrupt handler (which runs with IF=0), hence the saved RFLAGS. */
    .globl arch_setjmp
arch_setjmp:
    mov %rbx, 0(%rdi)
    mov %rbp, 8(%rdi)
    mov %r12, 16(%rdi)
    mov %r13, 24(%rdi)
    mov %r14, 32(%rdi)
    mov %r15, 40(%rdi)
    lea 8(%rsp), %rdx                   /* the caller's rsp after our return */
    mov %rdx, 48(%rdi)
    mov (%rsp), %rdx                    /* return address */
    mov %rdx, 56(%rdi)
    pushfq
    pop %rdx
    cmpb $0, nacre_deprivileged(%rip)
    je 1f
    FLAGS_WITH_VIF %rdx                 /* deprivileged: IF stands for the virtual IF */
1:  mov %rdx, 64(%rdi)
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
1:  mov 0(%rdi), %rbx
    mov 8(%rdi), %rbp
    mov 16(%rdi), %r12
    mov 24(%rdi), %r13
    mov 32(%rdi), %r14
    mov 40(%rdi), %r15
    mov 48(%rdi), %rsp
    pushq 64(%rdi)
    popfq
    cmpb $0, nacre_deprivileged(%rip)
    jne 2f
    jmp *56(%rdi)
2:  pushq 56(%rdi)                      /* deprivileged: restore the virtual IF, then "return" */
    RETURN_SETTING_VIF 64(%rdi)
