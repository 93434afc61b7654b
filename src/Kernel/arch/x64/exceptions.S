/* exceptions.S — the entry points of exception dispatch whose conventions C# cannot express.
 * The dispatcher itself is C# (CoreLib, Internal/Runtime/ExceptionHandling). These routines
 * capture the thrower's registers, call ilc's funclets (catch, filter, finally/fault bodies)
 * with the frame registers of the method that owns them, and resume in a frame after a catch.
 *
 * RegisterContext (CallFrameInfo.cs): its offsets are structoffsets.h's CTX_*. */

#include "calleesaved.h"

    .text
    .code64

#include "structoffsets.h"

/* The callee-saved registers into / out of the RegisterContext at \base. */
.macro STORE_CALLEE_SAVED base
    mov %rbp, CTX_RBP(\base)
    mov %rbx, CTX_RBX(\base)
    mov %r12, CTX_R12(\base)
    mov %r13, CTX_R13(\base)
    mov %r14, CTX_R14(\base)
    mov %r15, CTX_R15(\base)
.endm

.macro LOAD_CALLEE_SAVED base
    mov CTX_RBX(\base), %rbx
    mov CTX_R12(\base), %r12
    mov CTX_R13(\base), %r13
    mov CTX_R14(\base), %r14
    mov CTX_R15(\base), %r15
    mov CTX_RBP(\base), %rbp
.endm

/* Builds a RegisterContext on the stack for the frame that called us (rip = our return address,
 * rsp = its stack pointer after the call, callee-saved registers as they are) and calls
 * nacre_dispatch_exception(rdi, context, kind). The dispatcher never returns here. */
.macro THROW_ENTRY kind
    mov (%rsp), %rax
    lea 8(%rsp), %rcx
    sub $72, %rsp                   /* 64-byte context + 8: rsp is 16-aligned at the call */
    .cfi_adjust_cfa_offset 72
    mov %rax, CTX_RIP(%rsp)
    mov %rcx, CTX_RSP(%rsp)
    STORE_CALLEE_SAVED %rsp
    mov %rsp, %rsi
    mov $\kind, %edx
    call nacre_dispatch_exception
    ud2
.endm

/* void RhpThrowEx(object exception): ilc's `throw`. */
    .globl RhpThrowEx
    .type RhpThrowEx, @function
RhpThrowEx:
    .cfi_startproc
    THROW_ENTRY 0
    .cfi_endproc

/* void RhpRethrow(void): ilc's `throw;` inside a catch funclet. The dispatcher finds the
 * exception being handled from the funclet's caller, nacre_eh_call_funclet. */
    .globl RhpRethrow
    .type RhpRethrow, @function
RhpRethrow:
    .cfi_startproc
    xor %edi, %edi
    THROW_ENTRY 1
    .cfi_endproc

/* void nacre_throw_redirected(ulong argument, void* rip, int kind): where the trap handler sends
 * a managed frame that faulted (kind 0, argument = the fault's code) or whose interrupt handler
 * threw (kind 1, argument = the exception). Entered by iretq, not call: rsp is the interrupted
 * rsp and the callee-saved registers are as the interrupted code left them. The context describes
 * the instruction at rip itself: its rip is exact, not a return address. */
    .globl nacre_throw_redirected
    .type nacre_throw_redirected, @function
nacre_throw_redirected:
    mov %rsp, %rcx
    and $-16, %rsp
    sub $80, %rsp
    mov %rsi, CTX_RIP(%rsp)
    mov %rcx, CTX_RSP(%rsp)
    STORE_CALLEE_SAVED %rsp
    mov %rsp, %rsi
    call nacre_dispatch_redirected      /* (argument, context, kind) */
    ud2

/* long nacre_eh_call_funclet(object argument, void* funclet, RegisterContext* frame, void* exInfo)
 * Calls one of ilc's funclets the way it expects to be called: rdi = the exception (catch and
 * filter funclets use it), and the owning frame's callee-saved registers loaded from *frame (the
 * funclet reaches its parent's locals through rbp). Returns what the funclet returns: a catch
 * funclet the address to resume at, a filter its verdict. Our caller's registers are restored.
 * exInfo is kept at the funclet's CFA (just above its return address), where the dispatcher finds
 * it when a later throw unwinds out of the funclet (nacre_eh_funclet_return marks that caller). */
    .globl nacre_eh_call_funclet
    .type nacre_eh_call_funclet, @function
    .globl nacre_eh_funclet_return
nacre_eh_call_funclet:
    .cfi_startproc
    PUSH_CALLEE_SAVED cfi=1
    push %rcx                       /* exInfo: the funclet's CFA points here */
    .cfi_adjust_cfa_offset 8
    LOAD_CALLEE_SAVED %rdx
    call *%rsi
nacre_eh_funclet_return:
    pop %rcx
    POP_CALLEE_SAVED
    ret
    .cfi_endproc

/* void nacre_eh_resume(RegisterContext* frame, void* address): continues the frame described by
 * *frame at address (after a catch funclet): its callee-saved registers and stack pointer, then a
 * jump. Everything below frame->rsp (the thrower's frames, the dispatcher's) is abandoned. */
    .globl nacre_eh_resume
    .type nacre_eh_resume, @function
nacre_eh_resume:
    LOAD_CALLEE_SAVED %rdi
    mov CTX_RSP(%rdi), %rsp
    jmp *%rsi

/* void* nacre_eh_funclet_return_address(void): the address nacre_eh_call_funclet's call returns
 * to, which identifies that routine's frame during an unwind. */
    .globl nacre_eh_funclet_return_address
    .type nacre_eh_funclet_return_address, @function
nacre_eh_funclet_return_address:
    lea nacre_eh_funclet_return(%rip), %rax
    ret


/* void* nacre_throw_redirected_address(void): where the trap handler redirects a managed frame. */
    .globl nacre_throw_redirected_address
    .type nacre_throw_redirected_address, @function
nacre_throw_redirected_address:
    lea nacre_throw_redirected(%rip), %rax
    ret
