/* trapframe.h — the general-purpose registers of a TrapFrame (TrapFrame.cs), pushed and popped in
 * its order: rax first (highest address) … r15 last (lowest). Shared by interrupts.S (ring-0
 * entry) and deprivileged.S (the CPL-3 entry of reflected interrupts). */

#include "structoffsets.h"

/* The frame tail the stubs and the CPU push: vector, error, rip, cs, rflags, rsp, ss. */
#define FRAME_TAIL_BYTES (TRAP_FRAME_SIZE - TRAP_FRAME_VECTOR)

.macro PUSH_GPRS
    push %rax
    push %rbx
    push %rcx
    push %rdx
    push %rsi
    push %rdi
    push %rbp
    push %r8
    push %r9
    push %r10
    push %r11
    push %r12
    push %r13
    push %r14
    push %r15
.endm

.macro POP_GPRS
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %r11
    pop %r10
    pop %r9
    pop %r8
    pop %rbp
    pop %rdi
    pop %rsi
    pop %rdx
    pop %rcx
    pop %rbx
    pop %rax
.endm

/* COPY_FRAME_TAIL: copies the 7-word frame tail at 16(%rsp) — vector, error, rip, cs, rflags,
 * rsp, ss, above two pushed scratch registers — to (%rax). Clobbers rcx. (No macro argument:
 * interrupts.S assembles with .altmacro, where a %register argument would be an expression.) Used to move an
 * interrupt's frame below the interrupted code's red zone (interrupts.S, deprivileged.S). */
.macro COPY_FRAME_TAIL
    mov 16(%rsp), %rcx
    mov %rcx, 0(%rax)
    mov 24(%rsp), %rcx
    mov %rcx, 8(%rax)
    mov 32(%rsp), %rcx
    mov %rcx, 16(%rax)
    mov 40(%rsp), %rcx
    mov %rcx, 24(%rax)
    mov 48(%rsp), %rcx
    mov %rcx, 32(%rax)
    mov 56(%rsp), %rcx
    mov %rcx, 40(%rax)
    mov 64(%rsp), %rcx
    mov %rcx, 48(%rax)
.endm

/* SAVE_FPU: reserves the extended-state save area below rsp (nacre_fpu_area bytes, 64-byte
 * aligned) and saves the interrupted code's FPU/SSE/AVX state there: XSAVE of every component
 * the kernel found enabled in XCR0 (nacre_xsave_mask, when that is more than x87 and SSE — the
 * .NET world's code uses AVX), else FXSAVE. The first 512 bytes are the FXSAVE layout either way
 * (ForeignCode.SavedFpuState). Clobbers rax, rcx, rdx. */
.macro SAVE_FPU
    sub nacre_fpu_area(%rip), %rsp
    and $-64, %rsp
    mov nacre_xsave_mask(%rip), %rax
    test %rax, %rax
    jnz .Lxsave_\@
    fxsave (%rsp)
    jmp .Lsaved_\@
.Lxsave_\@:
    xor %ecx, %ecx                      /* the XSAVE header's reserved bytes must be zero for XRSTOR */
    mov %rcx, 512(%rsp)
    mov %rcx, 520(%rsp)
    mov %rcx, 528(%rsp)
    mov %rcx, 536(%rsp)
    mov %rcx, 544(%rsp)
    mov %rcx, 552(%rsp)
    mov %rcx, 560(%rsp)
    mov %rcx, 568(%rsp)
    mov %rax, %rdx
    shr $32, %rdx
    xsave (%rsp)
.Lsaved_\@:
.endm

/* RESTORE_FPU: reloads what SAVE_FPU saved at rsp. Clobbers rax, rdx. */
.macro RESTORE_FPU
    mov nacre_xsave_mask(%rip), %rax
    test %rax, %rax
    jnz .Lxrstor_\@
    fxrstor (%rsp)
    jmp .Lrestored_\@
.Lxrstor_\@:
    mov %rax, %rdx
    shr $32, %rdx
    xrstor (%rsp)
.Lrestored_\@:
.endm
