/* context.S — switching between kernel threads.
 *
 * A thread that is not running is described by one saved stack pointer: its stack holds, from
 * that pointer up, r15, r14, r13, r12, rbx, rbp, RFLAGS and the address to resume at. The
 * System V ABI makes every other register (including all of xmm) caller-saved, so a switch
 * called like a function need save nothing more. Preemption enters through isr_common, which
 * has already saved the full state on the preempted thread's stack before calling C#.
 */

#include "calleesaved.h"
#include "virtualif.h"

    .text
    .code64

/* void arch_switch(ulong* save, ulong resume): saves the caller's context on its stack, stores
 * the stack pointer to *save, and resumes the context whose saved stack pointer is resume.
 * Returns when some later arch_switch resumes the saved context. RFLAGS (and so IF) is part of
 * the context: each thread gets back its own interrupt state. */
    .globl arch_switch
arch_switch:
    pushfq
    cmpb $0, nacre_deprivileged(%rip)
    jne switch_save_vif
switch_saved_flags:
    PUSH_CALLEE_SAVED
    mov %rsp, (%rdi)
    mov %rsi, %rdi
    /* fall through */

/* void arch_switch_first(ulong resume): like arch_switch, but there is nothing to save (the
 * caller is a context that will never run again). */
    .globl arch_switch_first
arch_switch_first:
    mov %rdi, %rsp
    POP_CALLEE_SAVED
    cmpb $0, nacre_deprivileged(%rip)
    jne 1f
    popfq
    ret
    /* Deprivileged: IF in the saved RFLAGS stands for the virtual IF (popfq at CPL 3 ignores it). */
1:  mov (%rsp), %rax                    /* free: arch_switch returns nothing */
    popfq
    RETURN_SETTING_VIF %rax

switch_save_vif:
    FLAGS_WITH_VIF (%rsp)
    jmp switch_saved_flags

/* thread_start: where a new thread's first switch "returns" to. Its r12 holds the thread
 * (see Context.InitialStack); calls nacre_thread_entry(thread) on a 16-byte aligned stack with
 * an ended frame-pointer chain. nacre_thread_entry never returns. */
    .globl arch_thread_start
arch_thread_start:
    xor %ebp, %ebp
    mov %r12, %rdi
    and $-16, %rsp
    call nacre_thread_entry
    ud2

/* ulong arch_thread_start_address(void) */
    .globl arch_thread_start_address
arch_thread_start_address:
    lea arch_thread_start(%rip), %rax
    ret
