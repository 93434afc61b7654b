/* fork.S — Thread.Fork: cloning the calling function into a new thread (Threads/Fork.cs).
 *
 * The parent's side saves its callee-saved registers and lets C# build the child: a copy of the
 * forking function's frame on the child's stack, topped by a switch frame (Context.SwitchFrame)
 * that resumes at arch_fork_child. The child then returns from Fork with 0, runs the rest
 * of the function and, when the function returns, lands in arch_fork_exit instead of its caller.
 */

#include "calleesaved.h"

    .text
    .code64

/* Thread* arch_thread_fork(int cpu): Thread.Fork. Pushes the callee-saved registers (from the
 * stack pointer up: r15, r14, r13, r12, rbx, rbp, then the return address into the forking
 * function) and calls nacre_thread_fork(context, cpu), which returns the child to the parent.
 * Restores the registers and returns that. RFLAGS is not saved here: its IF may be virtual
 * (deprivileged mode), so the C# side reads it through Cpu.ReadFlags. */
    .globl arch_thread_fork
arch_thread_fork:
    PUSH_CALLEE_SAVED
    mov %edi, %esi
    mov %rsp, %rdi
    sub $8, %rsp                /* 6 pushes on top of the return address: realign to 16 */
    call nacre_thread_fork
    add $8, %rsp
    POP_CALLEE_SAVED
    ret

/* arch_fork_child: where the child's first switch returns to (arch_switch's ret), with
 * interrupts off, the parent's callee-saved registers (rbp moved onto the child's stack), and
 * the stack (16-byte aligned) holding the parent's RFLAGS at the fork, then the return address
 * into the forking function, then the copy of its frame. Calls nacre_fork_child_start(flags)
 * (finishes the switch, restores the flags; preserves callee-saved registers) and returns 0
 * from Fork. */
    .globl arch_fork_child
arch_fork_child:
    mov (%rsp), %rdi
    call nacre_fork_child_start
    add $8, %rsp
    xor %eax, %eax
    ret

/* arch_fork_exit: the child's forking function returns here (its return address was replaced),
 * with its result in rax and rsp 16-byte aligned at the top of the copied frame. Ends the
 * frame-pointer chain and calls nacre_fork_exit(result), which never returns. */
    .globl arch_fork_exit
arch_fork_exit:
    xor %ebp, %ebp
    mov %rax, %rdi
    call nacre_fork_exit
    ud2

/* ulong arch_fork_child_address(void), arch_fork_exit_address(void): the two addresses above,
 * for the C# that lays out the child's stack. */
    .globl arch_fork_child_address
arch_fork_child_address:
    lea arch_fork_child(%rip), %rax
    ret

    .globl arch_fork_exit_address
arch_fork_exit_address:
    lea arch_fork_exit(%rip), %rax
    ret

/* byte* arch_eh_frame_hdr(void): the start of .eh_frame_hdr, ld's index (sorted by address) of
 * the DWARF call-frame information ilc emits for every managed method. CoreLib's CallFrameInfo.cs
 * reads it: the exception dispatcher to unwind, Thread.Fork to find the forking function's frame. */
    .globl arch_eh_frame_hdr
arch_eh_frame_hdr:
    lea __eh_frame_hdr_start(%rip), %rax
    ret
