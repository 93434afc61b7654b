/* interrupts.S — the 256 interrupt/exception entry stubs and their common path.
 *
 * Each stub pushes a dummy error code where the CPU pushes none, then the vector number, and
 * jumps to isr_common. isr_common saves every general-purpose register and the FPU/SSE state
 * (the handler is C#, which uses SSE, and the interrupted code may have been mid-computation),
 * calls nacre_trap(TrapFrame*) on a 16-byte-aligned stack, restores everything and returns
 * with iretq. TrapFrame layout (low → high): r15 … r8, rbp, rdi, rsi, rdx, rcx, rbx, rax,
 * vector, error, rip, cs, rflags, rsp, ss — mirrored by Nacre.Arch.X64.TrapFrame.
 */

#include "x86.h"
#include "trapframe.h"

    .text
    .code64

.macro ISR_NOERR n
isr_\n:
    pushq $0
    pushq $\n
    .if \n >= 32
    jmp isr_interrupt
    .else
    jmp isr_common
    .endif
.endm

.macro ISR_ERR n
isr_\n:
    pushq $\n
    jmp isr_common
.endm

/* Vectors for which the CPU pushes an error code: 8, 10–14, 17, 21, 29, 30. */
.altmacro
.macro ISR n
    .if (\n == 8) || (\n >= 10 && \n <= 14) || (\n == 17) || (\n == 21) || (\n == 29) || (\n == 30)
        ISR_ERR %n
    .else
        ISR_NOERR %n
    .endif
.endm

    .align 16
.set i, 0
.rept 256
    ISR %i
    .set i, i + 1
.endr

/* Interrupts (vectors >= 32). In ring-0 mode the IDT sends them to the CPU's interrupt stack
 * (TSS IST2), because the interrupted code may be the .NET world's, compiled with a red zone:
 * the 128 bytes below its rsp hold live data that a frame pushed there would destroy. The frame
 * is moved to the interrupted stack below its red zone and handled there as usual (so a thread
 * switch from the handler keeps it on the thread's stack, and IST2 is free again at once). */
isr_interrupt:
    testb $SEL_RPL_MASK, 24(%rsp)       /* from CPL 3: deprivileged mode reflects it */
    jnz depriv_from_user
    cmpb $0, nacre_deprivileged(%rip)   /* CPL 0 in deprivileged mode: the halt gate */
    jne depriv_from_kernel
    push %rax
    push %rcx
    /* 0 rcx, 8 rax, 16 vector, 24 error, 32 rip, 40 cs, 48 rflags, 56 rsp, 64 ss */
    mov 56(%rsp), %rax
    sub $RED_ZONE, %rax
    and $-16, %rax
    sub $FRAME_TAIL_BYTES, %rax
    COPY_FRAME_TAIL
    mov %rsp, %rcx
    mov %rax, %rsp
    mov 8(%rcx), %rax
    mov (%rcx), %rcx
    jmp isr_ring0

isr_common:
    testb $SEL_RPL_MASK, 24(%rsp)       /* from CPL 3: deprivileged mode reflects it */
    jnz depriv_from_user
    cmpb $0, nacre_deprivileged(%rip)   /* CPL 0 in deprivileged mode: the halt gate */
    jne depriv_from_kernel
isr_ring0:
    PUSH_GPRS
    cld
    mov %rsp, %rbx                      /* TrapFrame*; rbx is callee-saved across the C# call */
    SAVE_FPU
    mov %rbx, %rdi
    call nacre_trap
    RESTORE_FPU
    mov %rbx, %rsp
    POP_GPRS
    add $16, %rsp                       /* vector and error code */
    iretq

.macro STUB_ADDR n
    .quad isr_\n
.endm

    .section .rodata
    .align 8
    /* isr_stub_table[v] = entry of vector v, for the IDT built in C#. */
    .globl isr_stub_table
isr_stub_table:
.set i, 0
.rept 256
    STUB_ADDR %i
    .set i, i + 1
.endr
