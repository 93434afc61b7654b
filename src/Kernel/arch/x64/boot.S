/* boot.S — from a multiboot loader (32-bit protected mode, paging off) to the first C# instruction.
 *
 * Contract of _start: entered by a multiboot v1 loader (QEMU -kernel: EAX = 0x2BADB002) or a
 * multiboot2 loader (GRUB: EAX = 0x36D76289), EBX = physical address of the boot information.
 * It clears .bss, identity-maps the first 4 GiB with 2 MiB pages, enters long mode, loads the GDT
 * (with a TSS whose IST1 stack catches double faults), enables SSE (ilc emits SSE everywhere), and
 * calls nacre_start(magic, info) on the boot stack. nacre_start never returns.
 */

#include "cpusetup.h"

#define MB1_MAGIC       0x1BADB002
#define MB1_FLAGS       0x00010003      /* page-align modules, memory info, address fields present */
#define MB2_MAGIC       0xE85250D6

    .section .multiboot, "a"
    .align 4
mb1_header:
    .long MB1_MAGIC
    .long MB1_FLAGS
    .long -(MB1_MAGIC + MB1_FLAGS)
    .long mb1_header                    /* header_addr */
    .long __image_start                 /* load_addr */
    .long __load_end                    /* load_end_addr */
    .long __bss_end                     /* bss_end_addr */
    .long _start                        /* entry_addr */

    .align 8
mb2_header:
    .long MB2_MAGIC
    .long 0                             /* architecture: i386 protected mode */
    .long mb2_header_end - mb2_header
    .long -(MB2_MAGIC + 0 + (mb2_header_end - mb2_header))
    .align 8
    .word 0, 0                          /* end tag */
    .long 8
mb2_header_end:

    .section .boot, "ax"
    .code32
    .globl _start
_start:
    cli
    cld
    mov %eax, %esi                      /* keep magic and info across the setup */
    mov %ebx, %ebp

    /* The time origin of Time.NowNs: the TSC as the loader hands over (in .data: .bss is cleared below). */
    rdtsc
    mov %eax, boot_tsc
    mov %edx, boot_tsc + 4

    /* Page 0 is unmapped later (null dereferences must fault): keep the BIOS data area's
     * pointer to the EBDA, where ACPI's RSDP may live, while it is still reachable. */
    movzwl 0x40E, %eax
    shl $4, %eax
    mov %eax, bios_ebda

    /* .bss holds the page tables and the stacks: clear it before using any of it. */
    mov $__bss_start, %edi
    mov $__bss_end, %ecx
    sub %edi, %ecx
    shr $2, %ecx
    xor %eax, %eax
    rep stosl

    mov $boot_stack_top, %esp

    /* PML4[0] → PDPT; PDPT[0..3] → four page directories of 512 × 2 MiB pages = 4 GiB. */
    mov $boot_pml4, %edi
    mov $boot_pdpt, %eax
    or $(PTE_PRESENT | PTE_WRITABLE | PTE_USER), %eax /* user too: deprivileged mode starts on these */
    mov %eax, (%edi)

    mov $boot_pdpt, %edi
    mov $boot_pd, %eax
    or $(PTE_PRESENT | PTE_WRITABLE | PTE_USER), %eax
    mov $4, %ecx
1:  mov %eax, (%edi)
    add $PAGE_SIZE, %eax
    add $8, %edi
    loop 1b

    mov $boot_pd, %edi
    mov $(PTE_PRESENT | PTE_WRITABLE | PTE_USER | PTE_LARGE), %eax
    xor %edx, %edx                      /* high dword of the physical address */
    mov $(4 * PAGE_TABLE_ENTRIES), %ecx
2:  mov %eax, (%edi)
    mov %edx, 4(%edi)
    add $LARGE_PAGE_SIZE, %eax
    adc $0, %edx
    add $8, %edi
    loop 2b

    /* Two holes in the map, each through a 4 KiB page table that replaces one 2 MiB page:
     * page 0, so that null dereferences fault, and the guard page below the boot stack, so that
     * a stack overflow faults (into a double fault on its own stack) instead of corrupting .bss. */
    mov $boot_pt_null, %edi
    xor %eax, %eax
    call fill_page_table
    movl $0, boot_pt_null
    movl $(boot_pt_null + PTE_PRESENT + PTE_WRITABLE + PTE_USER), boot_pd

    mov $boot_stack_guard, %eax
    shr $21, %eax                       /* index of the guard's 2 MiB page */
    jnz 3f
    mov $boot_pt_null, %edi             /* same 2 MiB as page 0: reuse that table */
    jmp 4f
3:  mov %eax, %ebx
    mov $boot_pt_guard, %edi
    shl $21, %eax
    call fill_page_table
    lea boot_pt_guard + PTE_PRESENT + PTE_WRITABLE + PTE_USER, %eax
    mov %eax, boot_pd(, %ebx, 8)
    mov $boot_pt_guard, %edi
4:  mov $boot_stack_guard, %eax
    shr $12, %eax
    and $(PAGE_TABLE_ENTRIES - 1), %eax
    movl $0, (%edi, %eax, 8)

    mov %cr4, %eax
    or $CR4_PAE, %eax
    mov %eax, %cr4
    mov $boot_pml4, %eax
    mov %eax, %cr3

    mov $MSR_EFER, %ecx
    rdmsr
    or $EFER_LME, %eax
    wrmsr

    mov %cr0, %eax
    or $(CR0_PG | CR0_PE), %eax
    mov %eax, %cr0

    lgdt gdt_pointer
    ljmp $SEL_KERNEL_CODE, $long_mode

/* fill_page_table: EDI = table, EAX = physical base of its 2 MiB; maps all 512 pages present,
 * writable, user. Clobbers EAX, ECX, EDI. */
fill_page_table:
    or $(PTE_PRESENT | PTE_WRITABLE | PTE_USER), %eax
    mov $PAGE_TABLE_ENTRIES, %ecx
5:  mov %eax, (%edi)
    movl $0, 4(%edi)
    add $PAGE_SIZE, %eax
    add $8, %edi
    loop 5b
    ret

    .code64
long_mode:
    mov $SEL_KERNEL_DATA, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    xor %eax, %eax
    mov %ax, %fs
    mov %ax, %gs

    /* TSS descriptor (its base is only known at link time as a 64-bit value: patch it here). */
    lea boot_tss(%rip), %rax
    lea gdt_tss(%rip), %rdi
    mov %ax, 2(%rdi)                    /* base 15:0 */
    shr $16, %rax
    mov %al, 4(%rdi)                    /* base 23:16 */
    mov %ah, 7(%rdi)                    /* base 31:24 */
    shr $16, %rax
    mov %eax, 8(%rdi)                   /* base 63:32 */
    lea df_stack_top(%rip), %rax
    mov %rax, boot_tss+TSS_IST1(%rip)
    lea interrupt_stack_top(%rip), %rax
    mov %rax, boot_tss+TSS_IST2(%rip)   /* ring-0 interrupt entry (interrupts.S) */
    lea ring0_stack_top(%rip), %rax
    mov %rax, boot_tss+TSS_RSP0(%rip)   /* deprivileged mode enters CPL 0 on it */
    mov $SEL_TSS, %ax
    ltr %ax

    ENABLE_SSE_AND_WP                   /* cpusetup.h */

    lea boot_stack_top(%rip), %rsp
    mov %esi, %edi                      /* magic */
    mov %ebp, %esi                      /* boot information */
    xor %ebp, %ebp                      /* end of the frame-pointer chain */
    call nacre_start
3:  cli
    hlt
    jmp 3b

    .section .data
    .align 16
gdt:
    .quad 0                             /* 0x00 null */
    .quad 0x00AF9A000000FFFF            /* 0x08 kernel code, 64-bit */
    .quad 0x00CF92000000FFFF            /* 0x10 kernel data */
    .quad 0x00CFF2000000FFFF            /* 0x18 user data (deprivileged mode; sysret order) */
    .quad 0x00AFFA000000FFFF            /* 0x20 user code, 64-bit */
gdt_tss:
    .quad 0x0000890000000067            /* 0x28 TSS (base patched at boot), limit 0x67 */
    .quad 0
gdt_end:

    .globl boot_tsc
    .align 8
boot_tsc:
    .quad 0

    .globl bios_ebda
    .align 4
bios_ebda:
    .long 0

    .globl gdt_pointer
gdt_pointer:
    .word gdt_end - gdt - 1
    .quad gdt

    .section .bss
    .align 4096
boot_pml4:  .skip 4096
boot_pdpt:  .skip 4096
boot_pd:    .skip 4096 * 4
boot_pt_null:  .skip 4096
boot_pt_guard: .skip 4096
    .align 16
boot_tss:   .skip 104
    .align 16
df_stack:   .skip 16384
df_stack_top:
    .align 16
interrupt_stack: .skip 4096
interrupt_stack_top:
    .align 16
ring0_stack: .skip 16384
ring0_stack_top:
    .align 16
    .align 4096
boot_stack_guard:                       /* unmapped: the boot stack's overflow guard */
    .skip 4096
    .globl boot_stack_bottom
boot_stack_bottom:
    .skip 262144
    .globl boot_stack_top
boot_stack_top:
