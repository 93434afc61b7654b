/* runtime.S — runtime entry points whose calling conventions C# cannot express. */

#include "virtualif.h"

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

/* int arch_setjmp(JumpBuffer* buffer): saves the callee-saved registers, the stack pointer, the
 * return address and RFLAGS (at offset 64); returns 0. A later arch_longjmp(buffer, value) returns
 * here again with value (never 0). Used by the in-kernel test runner to abandon a failed test,
 * also from inside an interrupt handler (which runs with IF=0), hence the saved RFLAGS. */
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

/* void** arch_modules_start(void) / arch_modules_end(void): the bounds of ilc's __modules
 * section (an array of ReadyToRun header pointers) for module initialisation. */
    .globl arch_modules_start
arch_modules_start:
    lea __start___modules(%rip), %rax
    ret
    .globl arch_modules_end
arch_modules_end:
    lea __stop___modules(%rip), %rax
    ret

/* byte* arch_image_start(void): first byte of the loaded image (the multiboot header, then code). */
    .globl arch_image_start
arch_image_start:
    lea __image_start(%rip), %rax
    ret

/* byte* arch_text_end(void): first byte after the image's code (.boot and .text); everything
 * from here to the image end is data, which the kernel's page tables map no-execute. */
    .globl arch_text_end
arch_text_end:
    lea __text_end(%rip), %rax
    ret

/* byte* arch_image_end(void): first byte after the loaded image and its .bss. */
    .globl arch_image_end
arch_image_end:
    lea __image_end(%rip), %rax
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

    .text
/* ulong* arch_isr_stub_table(void): the 256 interrupt entry addresses (interrupts.S). */
    .globl arch_isr_stub_table
arch_isr_stub_table:
    lea isr_stub_table(%rip), %rax
    ret

/* byte* arch_symbols_start(void) / arch_symbols_end(void): the .nacre_symbols section. */
    .globl arch_symbols_start
arch_symbols_start:
    lea __nacre_symbols(%rip), %rax
    ret
    .globl arch_symbols_end
arch_symbols_end:
    lea __nacre_symbols_end(%rip), %rax
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
 * data points at a DispatchCache (entries of {MethodTable*, target} from offset 32, ended by a
 * null MethodTable). Jumps to the target cached for the receiver's type, or falls back to the
 * resolver. Clobbers rax and r10 only (a null receiver faults here, as a null call would). */
cached_interface_dispatch:
    mov (%rdi), %rax
    mov 8(%r11), %r10
    add $32, %r10
1:  cmp %rax, (%r10)
    je 2f
    cmpq $0, (%r10)
    je RhpInitialDynamicInterfaceDispatch
    add $16, %r10
    jmp 1b
2:  jmp *8(%r10)

/* nint arch_cached_interface_dispatch_stub(void): address of cached_interface_dispatch. */
    .globl arch_cached_interface_dispatch_stub
arch_cached_interface_dispatch_stub:
    lea cached_interface_dispatch(%rip), %rax
    ret

/* byte* arch_boot_stack_top(void): top of the boot CPU's stack (boot.S). */
    .globl arch_boot_stack_top
arch_boot_stack_top:
    lea boot_stack_top(%rip), %rax
    ret

/* byte* arch_boot_stack_bottom(void): lowest byte of the boot CPU's stack; the page below it is
 * its (unmapped) guard page. */
    .globl arch_boot_stack_bottom
arch_boot_stack_bottom:
    lea boot_stack_bottom(%rip), %rax
    ret

/* ulong arch_bios_ebda(void): physical address of the BIOS's extended data area, read by boot.S
 * from the BIOS data area before page 0 was unmapped (0 if unknown). */
    .globl arch_bios_ebda
arch_bios_ebda:
    mov bios_ebda(%rip), %eax
    ret


/* ulong arch_boot_tsc(void): the TSC read by boot.S at the kernel's first instruction. */
    .globl arch_boot_tsc
arch_boot_tsc:
    mov boot_tsc(%rip), %rax
    ret
