/* hvm.S — entry from Nacre's own VMM (src/Hvm; protocol in docs/hvm.md).
 *
 * Contract of nacre_hvm_entry: every vCPU starts here in 64-bit mode at CPL 0 on the VMM's page
 * tables, GDT and per-vCPU TSS, with RDI = boot info, RSI = vCPU index, RDX = top of the vCPU's
 * ring-0 stack (already its TSS.RSP0), RSP = a VMM-provided boot stack, interrupts off, no IDT.
 * This code is SSE-free: on kvm-pvm ring 0 is emulated and cannot run SSE. In deprivileged mode
 * (boot info Flags bit 0) each vCPU drops to CPL 3 here, before any C#.
 * vCPU 0 then calls nacre_hvm_start(info) on the kernel's own boot stack; the others wait at
 * hvm_ap_release[index] for a stack from Cpus.StartAll and call nacre_ap_start(index, stack).
 */

#include "abi.h"

    .text
    .code64
    .globl nacre_hvm_entry
nacre_hvm_entry:
    cld
    mov %rdi, %r12                      /* boot info */
    mov %rsi, %r13                      /* vCPU index */

    mov $GUEST_PHYSICAL_KERNEL_DATA, %eax  /* the VMM's GDT until the kernel loads its own */
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss

    /* The time origin of Time.NowNs, as in boot.S: the first vCPU's first instruction. */
    test %r13, %r13
    jnz 1f
    rdtsc
    mov %eax, boot_tsc(%rip)
    mov %edx, boot_tsc+4(%rip)
1:
    testl $BOOT_FLAGS_DEPRIVILEGED, BOOT_INFO_HEADER_FLAGS(%r12)
    jz 2f
    mov %r13, %rdi
    call depriv_set_early_gs
    call depriv_load_early_idt
    call arch_enter_deprivileged        /* from here on: CPL 3 */
2:
    test %r13, %r13
    jnz ap_wait

    lea boot_stack_top(%rip), %rsp
    mov %r12, %rdi
    xor %ebp, %ebp
    call nacre_hvm_start
3:  jmp 3b                              /* nacre_hvm_start never returns */

/* An application processor: wait (at full speed: a spinning vCPU costs the host nothing extra
 * here, the VMM gave it a core) until Cpus.StartAll posts its stack. */
ap_wait:
    lea hvm_ap_release(%rip), %rbx
4:  mov (%rbx, %r13, 8), %rsp
    test %rsp, %rsp
    jnz 5f
    pause
    jmp 4b
5:  mov %r13, %rdi
    mov %rsp, %rsi
    xor %ebp, %ebp
    call nacre_ap_start
6:  jmp 6b

/* void arch_hvm_release_ap(ulong index, ulong stackTop): lets a waiting vCPU run nacre_ap_start. */
    .globl arch_hvm_release_ap
arch_hvm_release_ap:
    lea hvm_ap_release(%rip), %rax
    mov %rsi, (%rax, %rdi, 8)
    ret

    .bss
    .align 64
hvm_ap_release:
    .skip 8 * 256
