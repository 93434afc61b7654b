/* ilchelpers.S — what code compiled by ilc calls or reads by name and the core library cannot
 * write in C#: its helpers with non-standard calling conventions and the data symbols it expects.
 * The rest of ilc's runtime imports are C# (RuntimeExport in the core library and the kernel). */

#include "structoffsets.h"

    .text
    .code64

/* RhpByRefAssignRef: ilc's helper for copying a reference field inside a struct copy.
 * In: rdi = destination, rsi = source. Copies one pointer-sized reference and advances both
 * by 8. Clobbers only rcx (the NativeAOT contract); no GC, so no write barrier. */
    .globl RhpByRefAssignRef
RhpByRefAssignRef:
    mov (%rsi), %rcx
    mov %rcx, (%rdi)
    add $8, %rsi
    add $8, %rdi
    ret

/* RhpInitialDynamicInterfaceDispatch: the first stop of an interface call through a dispatch
 * cell (and of every cache miss). In: rdi = receiver, r11 = cell, arguments in rdi..r9 and
 * xmm0–7. Calls nacre_resolve_interface_call(receiver, cell), which returns the target and
 * updates the cell's cache, then tail-jumps to the target with all arguments intact. */
    .globl RhpInitialDynamicInterfaceDispatch
RhpInitialDynamicInterfaceDispatch:
    push %rdi
    push %rsi
    push %rdx
    push %rcx
    push %r8
    push %r9
    push %r11
    sub $128, %rsp
    movdqu %xmm0, 0(%rsp)
    movdqu %xmm1, 16(%rsp)
    movdqu %xmm2, 32(%rsp)
    movdqu %xmm3, 48(%rsp)
    movdqu %xmm4, 64(%rsp)
    movdqu %xmm5, 80(%rsp)
    movdqu %xmm6, 96(%rsp)
    movdqu %xmm7, 112(%rsp)
    mov %r11, %rsi
    call nacre_resolve_interface_call
    movdqu 0(%rsp), %xmm0
    movdqu 16(%rsp), %xmm1
    movdqu 32(%rsp), %xmm2
    movdqu 48(%rsp), %xmm3
    movdqu 64(%rsp), %xmm4
    movdqu 80(%rsp), %xmm5
    movdqu 96(%rsp), %xmm6
    movdqu 112(%rsp), %xmm7
    add $128, %rsp
    pop %r11
    pop %r9
    pop %r8
    pop %rcx
    pop %rdx
    pop %rsi
    pop %rdi
    jmp *%rax

/* cached_interface_dispatch: a resolved cell's stub. In: rdi = receiver, r11 = cell whose
 * data points at a DispatchCache (entries of {MethodTable*, target} after its header, ended by
 * a null MethodTable). Jumps to the target cached for the receiver's type, or falls back to the
 * resolver. Clobbers rax and r10 only (a null receiver faults here, as a null call would). */
cached_interface_dispatch:
    mov (%rdi), %rax
    mov DISPATCH_CELL_DATA(%r11), %r10
    add $DISPATCH_CACHE_ENTRIES, %r10
1:  cmp %rax, (%r10)
    je 2f
    cmpq $0, (%r10)
    je RhpInitialDynamicInterfaceDispatch
    add $DISPATCH_ENTRY_SIZE, %r10
    jmp 1b
2:  jmp *DISPATCH_ENTRY_TARGET(%r10)

/* nint arch_cached_interface_dispatch_stub(void): address of cached_interface_dispatch. */
    .globl arch_cached_interface_dispatch_stub
arch_cached_interface_dispatch_stub:
    lea cached_interface_dispatch(%rip), %rax
    ret

    .section .data
    /* Stack-protector cookie ilc's code checks around stackalloc. */
    .globl __security_cookie
    .align 8
__security_cookie:
    .quad 0x2B992DDFA232F00D

    /* What code after an unmanaged call with SuppressGCTransition polls to see whether a GC
     * wants the thread: never here (there is no GC), so it stays 0. */
    .globl RhpTrapThreads
    .align 4
RhpTrapThreads:
    .long 0
