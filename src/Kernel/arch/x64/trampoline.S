/* trampoline.S — how an application processor (AP) gets from its start-up IPI to C#.
 *
 * The bytes between ap_trampoline_start and ap_trampoline_end are position-dependent code for
 * physical address TRAMPOLINE_BASE (0x8000, SIPI vector 0x08). ApStartup.cs copies them there
 * (the memory owner keeps all of < 1 MiB reserved; this page is the only use of it), fills the
 * parameter block (ap_params), and sends INIT-SIPI-SIPI to one AP at a time.
 *
 * Contract: the AP starts in real mode at CS:IP = 0x0800:0000. The trampoline loads its own
 * small GDT, enters protected mode, sets CR4 (the BSP's, plus PAE), CR3 (the BSP's page tables,
 * which must identity-map this page and the kernel), EFER (the BSP's: LME, NXE ...), enables
 * paging, enters 64-bit mode and jumps to ap_entry64 in the kernel image. ap_entry64 loads the
 * AP's own GDT (with its own TSS, whose IST1 is its double-fault stack), the kernel selectors and
 * TR, enables SSE exactly like boot.S, switches to the AP's stack and calls
 * nacre_ap_start(index, stackTop), which never returns. ap_params must not change until that
 * C# code has signalled (PerCpu online flag); the BSP waits for it before starting the next AP.
 */

#include "cpusetup.h"

#define TRAMPOLINE_BASE 0x8000
/* The trampoline's own GDT (tramp_gdt below). */
#define TRAMP_CODE32    0x08
#define TRAMP_DATA      0x10
#define TRAMP_CODE64    0x18
#define T(x) ((x) - ap_trampoline_start + TRAMPOLINE_BASE)

    .section .rodata.trampoline, "a"
    .globl ap_trampoline_start
    .align 16
    .code16
ap_trampoline_start:
    cli
    cld
    xor %ax, %ax
    mov %ax, %ds
    mov %ax, %ss
    lgdtl T(tramp_gdt_pointer)
    mov %cr0, %eax
    or $CR0_PE, %eax
    mov %eax, %cr0
    ljmpl $TRAMP_CODE32, $T(tramp32)

    .code32
tramp32:
    mov $TRAMP_DATA, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %ax, %fs
    mov %ax, %gs
    mov T(ap_param_cr4), %eax
    and $~CR4_PCIDE, %eax               /* PCIDE can only be set in long mode */
    or $CR4_PAE, %eax
    mov %eax, %cr4
    mov T(ap_param_cr3), %eax
    mov %eax, %cr3
    mov $MSR_EFER, %ecx
    mov T(ap_param_efer), %eax
    and $~EFER_LMA, %eax                /* status, set by the CPU */
    or $EFER_LME, %eax
    xor %edx, %edx
    wrmsr
    mov %cr0, %eax
    or $(CR0_PG | CR0_PE), %eax
    mov %eax, %cr0
    ljmp $TRAMP_CODE64, $T(tramp64)

    .code64
tramp64:
    mov T(ap_param_entry), %rax
    jmp *%rax

    .align 8
tramp_gdt:
    .quad 0
    .quad 0x00CF9A000000FFFF            /* 0x08 code, 32-bit */
    .quad 0x00CF92000000FFFF            /* 0x10 data */
    .quad 0x00AF9A000000FFFF            /* 0x18 code, 64-bit */
tramp_gdt_end:
tramp_gdt_pointer:
    .word tramp_gdt_end - tramp_gdt - 1
    .long T(tramp_gdt)

    /* Parameter block, filled by ApStartup.cs (offsets mirrored there). */
    .align 16
ap_params:
ap_param_cr3:   .quad 0                 /* +0 */
ap_param_cr4:   .quad 0                 /* +8 */
ap_param_efer:  .quad 0                 /* +16 */
ap_param_entry: .quad ap_entry64        /* +24 */
ap_param_stack: .quad 0                 /* +32 top of the AP's stack */
ap_param_index: .quad 0                 /* +40 Cpus index */
ap_param_gdtr:  .word 0                 /* +48 the AP's GDT: limit, base */
                .quad 0
                .skip 6
    .globl ap_trampoline_end
ap_trampoline_end:

    .text
    .code64
/* ap_entry64: 64-bit mode on the trampoline's GDT, paging on the BSP's tables, interrupts off. */
ap_entry64:
    lgdt T(ap_param_gdtr)
    mov T(ap_param_stack), %rsp
    lea 1f(%rip), %rax
    pushq $SEL_KERNEL_CODE
    push %rax
    lretq                               /* reload CS from the new GDT */
1:  mov $SEL_KERNEL_DATA, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    xor %eax, %eax
    mov %ax, %fs
    mov %ax, %gs
    mov $SEL_TSS, %ax
    ltr %ax

    ENABLE_SSE_AND_WP                   /* cpusetup.h */

    /* Deprivileged mode: this CPU drops to CPL 3 before its first C# instruction. */
    cmpb $0, nacre_deprivileged(%rip)
    je 1f
    mov T(ap_param_index), %rdi
    call depriv_set_early_gs
    call depriv_load_early_idt
    call arch_enter_deprivileged
1:  mov T(ap_param_index), %rdi
    mov %rsp, %rsi
    xor %ebp, %ebp
    call nacre_ap_start
2:  cli
    hlt
    jmp 2b

/* byte* arch_ap_trampoline(void) / ulong arch_ap_trampoline_size(void) / ulong arch_ap_params_offset(void):
 * the trampoline's bytes in the image, their length, and where ap_params lies in them. */
    .globl arch_ap_trampoline
arch_ap_trampoline:
    lea ap_trampoline_start(%rip), %rax
    ret
    .globl arch_ap_trampoline_size
arch_ap_trampoline_size:
    mov $(ap_trampoline_end - ap_trampoline_start), %eax
    ret
    .globl arch_ap_params_offset
arch_ap_params_offset:
    mov $(ap_params - ap_trampoline_start), %eax
    ret
